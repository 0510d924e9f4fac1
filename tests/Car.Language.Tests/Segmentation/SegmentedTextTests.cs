using Car.Language.Segmentation;

namespace Car.Language.Tests.Segmentation;

public sealed class SegmentedTextTests
{
    // 导航|到|解放路: words start at 0, 2 and 3; the text is 6 characters long.
    private static SegmentedText Road() => new WordSegmenter(Jieba.Shared).Segment("导航到解放路");

    [Fact]
    public void IsBoundary_KnownCut_TrueOnlyBetweenWords()
    {
        var road = Road();

        Assert.Equal("导航|到|解放路", road.ToString());
        Assert.Equal([0, 2, 3, 6], Enumerable.Range(0, road.Text.Length + 1).Where(road.IsBoundary));
    }

    [Fact]
    public void WordAt_InsideWord_ReturnsWholeWord()
    {
        var road = Road();

        Assert.Equal("导航", road.TextOf(road.WordAt(1)));
        Assert.Equal("到", road.TextOf(road.WordAt(2)));
        Assert.Equal("解放路", road.TextOf(road.WordAt(4)));
        Assert.Equal(new Word(3, 3, road.WordAt(5).Tag), road.WordAt(5));
    }

    [Fact]
    public void IsBoundary_PastEnd_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Road().IsBoundary(7));

    [Fact]
    public void WordAt_TextLength_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Road().WordAt(6));
}
