using Car.Language.Gazetteers;

namespace Car.Language.Tests.Gazetteers;

public sealed class GazetteerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-gazetteer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task LoadAsync_KindTabNameLines_FindsEachNameWhole()
    {
        var path = Write("# the owner's phone book and music\ncontact\t小王\nartist\t林一舟\ntitle\t夏夜的海\nplace\t高新区\n\n");

        var gazetteer = await Gazetteer.LoadAsync([path]);

        Assert.Equal(4, gazetteer.Count);
        var found = gazetteer.Find("打电话给小王然后导航到高新区");
        Assert.Equal([(GazetteerKind.Contact, "小王"), (GazetteerKind.Place, "高新区")], found.Select(f => (f.Kind, f.Name)));
        Assert.Equal(4, found[0].Start);
    }

    [Fact]
    public async Task LoadAsync_LineWithoutTab_SaysWhichFileAndLine()
    {
        var path = Write("contact\t小王\n小李\n");

        var error = await Assert.ThrowsAsync<GazetteerException>(() => Gazetteer.LoadAsync([path]));

        Assert.Contains($"{path}, line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("kind<TAB>name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownKind_NamesTheKinds()
    {
        var path = Write("friend\t小王\n");

        var error = await Assert.ThrowsAsync<GazetteerException>(() => Gazetteer.LoadAsync([path]));

        Assert.Contains("unknown kind 'friend'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_IsAClearError()
    {
        var path = Path.Combine(_directory, "absent.tsv");

        var error = await Assert.ThrowsAsync<GazetteerException>(() => Gazetteer.LoadAsync([path]));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_OneCharacterName_IsNotTakenFromText()
    {
        var gazetteer = new Gazetteer();
        gazetteer.Add(GazetteerKind.Contact, "王");

        Assert.Empty(gazetteer.Find("打电话给王"));
        Assert.True(gazetteer.Contains(GazetteerKind.Contact, "王"));
    }

    [Fact]
    public void Find_SameNameTwoKinds_ReportsBoth()
    {
        var gazetteer = new Gazetteer();
        gazetteer.Add(GazetteerKind.Artist, "青石");
        gazetteer.Add(GazetteerKind.Title, "青石");

        Assert.Equal([GazetteerKind.Artist, GazetteerKind.Title], gazetteer.Find("播放青石").Select(f => f.Kind));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, text);
        return path;
    }
}
