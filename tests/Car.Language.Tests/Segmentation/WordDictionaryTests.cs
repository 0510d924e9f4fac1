using Car.Language.Segmentation;

namespace Car.Language.Tests.Segmentation;

public sealed class WordDictionaryTests
{
    // Each test adds or splits its own words, so one fresh copy serves the class.
    private static readonly Lazy<WordDictionary> Dictionary = new(Jieba.LoadFresh);

    private static string Cut(string text) => new WordSegmenter(Dictionary.Value).Segment(text).ToString();

    [Fact]
    public void AddWord_StreetJiebaLacks_CutWhole()
    {
        Assert.Equal("导航|去|开元|路", Cut("导航去开元路"));

        Dictionary.Value.AddWord("开元路");

        Assert.Equal("导航|去|开元路", Cut("导航去开元路"));
        Assert.True(Dictionary.Value.Contains("开元路"));
    }

    [Fact]
    public void AddWord_CarWordJiebaLacks_CutWhole()
    {
        Assert.Contains("副|驾", Cut("打开副驾车窗"), StringComparison.Ordinal);

        Dictionary.Value.AddWord("副驾");

        Assert.Contains("副驾", Cut("打开副驾车窗").Split('|'));
        Assert.Equal(WordDictionary.UnknownTag, Dictionary.Value.TagOf("副驾"));
    }

    [Fact]
    public void AddWord_WithTag_KeepsTag()
    {
        Dictionary.Value.AddWord("小鹏哥", tag: "nr");

        Assert.Contains("小鹏哥", Cut("打电话给小鹏哥").Split('|'));
        Assert.Equal("nr", Dictionary.Value.TagOf("小鹏哥"));
    }

    [Fact]
    public void SplitWord_KnownRoad_PartsWin()
    {
        Assert.Equal("导航|到|解放路", Cut("导航到解放路"));

        Dictionary.Value.SplitWord("解放路", "解放", "路");

        Assert.Equal("导航|到|解放|路", Cut("导航到解放路"));
    }

    [Fact]
    public void SplitWord_PartsNotJoiningWord_Throws() =>
        Assert.Throws<ArgumentException>(() => Dictionary.Value.SplitWord("车窗", "车", "门"));

    [Fact]
    public void Load_TruncatedDictionary_NamesFileAndLine()
    {
        var lines = File.ReadLines(Jieba.DictionaryPath).Take(1001).ToList();
        var last = lines[^1];
        lines[^1] = last[..(last.IndexOf(' ', StringComparison.Ordinal) + 2)];
        var truncated = Path.Combine(Path.GetTempPath(), $"car-jieba-truncated-{Guid.NewGuid():N}.utf8");
        File.WriteAllText(truncated, string.Join('\n', lines));
        try
        {
            var e = Assert.Throws<SegmentationDataException>(() => WordDictionary.Load(truncated, Jieba.HmmPath));

            Assert.Contains(truncated, e.Message, StringComparison.Ordinal);
            Assert.Contains("line 1001", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(truncated);
        }
    }

    [Fact]
    public void Load_EmptyDictionary_NamesFile()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"car-jieba-empty-{Guid.NewGuid():N}.utf8");
        File.WriteAllText(empty, "");
        try
        {
            var e = Assert.Throws<SegmentationDataException>(() => WordDictionary.Load(empty, Jieba.HmmPath));

            Assert.Contains(empty, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
