using Car.Language.Segmentation;

namespace Car.Language.Tests.Segmentation;

public sealed class WordSegmenterTests
{
    private static string Cut(string text) => new WordSegmenter(Jieba.Shared).Segment(text).ToString();

    [Theory]
    [InlineData("打开车窗")]
    [InlineData("把空调调到二十二度")]
    [InlineData("导航到首都机场")]
    [InlineData("播放周杰伦的稻香")]
    [InlineData("副驾座椅加热")]
    [InlineData("导航到解放路")]
    [InlineData("我想放弃")]
    [InlineData("回复消息")]
    [InlineData("去开元路")]
    [InlineData("打电话给小王")]
    [InlineData("拨打13812345678")]
    public void Segment_CarCommand_Prints(string text)
    {
        var cut = Cut(text);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "car-seg-cuts.txt"), cut + Environment.NewLine);
        Assert.Equal(text, cut.Replace("|", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Segment_Empty_IsEmpty() => Assert.Empty(new WordSegmenter(Jieba.Shared).Segment(""));

    [Fact]
    public void Segment_KnownWords_StayWhole()
    {
        Assert.Contains("解放路", Cut("导航到解放路").Split('|'));
        Assert.Contains("放弃", Cut("我想放弃").Split('|'));
        Assert.Contains("13812345678", Cut("拨打13812345678").Split('|'));
    }

    [Fact]
    public void Load_MalformedLine_NamesLine()
    {
        var dict = Path.GetTempFileName();
        File.WriteAllText(dict, "汽车 10 n\n坏行\n");
        var hmm = Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.HmmFileName);
        var e = Assert.Throws<SegmentationDataException>(() => WordDictionary.Load(dict, hmm));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedHmm_SaysCutShort()
    {
        var hmm = Path.GetTempFileName();
        File.WriteAllLines(hmm, File.ReadLines(Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.HmmFileName)).Take(20));
        var dict = Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.DictionaryFileName);
        var e = Assert.Throws<SegmentationDataException>(() => WordDictionary.Load(dict, hmm));
        Assert.Contains("cut short", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_ManyThreadsAtOnce_CutAsOneThreadDoes()
    {
        string[] texts =
        [
            "把副驾的座椅加热开到二档", "导航去开元路的加油站", "给妈妈打电话", "后排车窗关一半",
            "播放一首轻松的歌", "空调温度调到二十四度", "拨打13912345678", "前面路口左转以后找个停车场",
        ];
        var segmenter = new WordSegmenter(Jieba.Shared);
        var expected = texts.Select(t => segmenter.Segment(t).ToString()).ToArray();
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(offset => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var cuts = new List<(int Index, string Cut)>();
                for (var round = 0; round < 200; round++)
                {
                    var index = (offset + round) % texts.Length;
                    cuts.Add((index, segmenter.Segment(texts[index]).ToString()));
                }

                return cuts;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var results = await Task.WhenAll(threads);

        foreach (var (index, cut) in results.SelectMany(r => r))
        {
            Assert.Equal(expected[index], cut);
        }
    }
}
