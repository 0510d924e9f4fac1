using Car.Language.SoundAlike;

namespace Car.Language.Tests.SoundAlike;

public class PinyinTableTests
{
    private const string Small = """{"重":["zhòng",1e-8],"重新":["chóng xīn",1e-8],"严重":["yán zhòng",1e-8],"重复":["chóng fù",1e-9],"女":["nǚ",1e-8],"绿色":["lǜ sè",1e-9]}""";

    [Fact]
    public void Readings_CharacterWithWordReadings_SingleEntryFirstThenWords()
    {
        var table = PinyinTable.Load(Write(Small));

        Assert.Equal(["zhong", "chong"], table.Readings('重'));
    }

    [Fact]
    public void Readings_UmlautAndUnknown_VAndEmpty()
    {
        var table = PinyinTable.Load(Write(Small));

        Assert.Equal(["nv"], table.Readings('女'));
        Assert.Equal(["lv"], table.Readings('绿'));
        Assert.Empty(table.Readings('a'));
        Assert.Empty(table.Readings('车'));
    }

    [Fact]
    public void IsKnownWord_TableEntries_TrueOthersFalse()
    {
        var table = PinyinTable.Load(Write(Small));

        Assert.True(table.IsKnownWord("重新"));
        Assert.True(table.IsKnownWord("女"));
        Assert.False(table.IsKnownWord("新重"));
        Assert.True(table.TryGetWordReading("重复", out var reading));
        Assert.Equal(["chong", "fu"], reading);
    }

    [Theory]
    [InlineData("""{"重":["zhòng",1e-8],"重新":["chóng""")]
    [InlineData("""["zhòng"]""")]
    [InlineData("""{"重":"zhòng"}""")]
    [InlineData("{}")]
    [InlineData("")]
    public void Load_MalformedOrTruncated_ThrowsNamingFile(string json)
    {
        var path = Write(json);

        var error = Assert.Throws<PinyinDataException>(() => PinyinTable.Load(path));

        Assert.Equal(path, error.File);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Missing_ThrowsNamingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "car-no-such-dir", "modern.json");

        var error = Assert.Throws<PinyinDataException>(() => PinyinTable.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoadDefault_BundledTable_ReadsContextReadings()
    {
        Assert.True(PinyinTable.TryLoadDefault(out var table, out var whyNot), whyNot);

        Assert.True(table.WordCount > 50_000);
        Assert.Contains("chong", table.Readings('重'));
        Assert.Contains("zhong", table.Readings('重'));
        Assert.Equal("yi", table.Readings('以')[0]);
        Assert.True(table.IsKnownWord("空调"));
    }

    private static string Write(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("car-pinyin-").FullName, "modern.json");
        File.WriteAllText(path, json);
        return path;
    }
}
