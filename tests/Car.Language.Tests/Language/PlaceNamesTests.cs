using Car.Testing;

namespace Car.Language.Tests.Language;

public class PlaceNamesTests
{
    private static readonly PlaceNames Places = new(TestModel.Model.Lexicon);

    [Theory]
    [InlineData("桂香路", "桂香路", 1.0)]
    [InlineData("青枫小区", "青枫小区", 1.0)]
    [InlineData("银杏路18号", "银杏路18号", 1.0)]
    [InlineData("帮我青枫小区吧", "青枫小区", 1.0)]
    [InlineData("云杉中学怎么走", "云杉中学", 1.0)]
    [InlineData("打开导航翠微公园", "翠微公园", 1.0)]
    [InlineData("高铁站", "高铁站", SlotExtractors.DoubtfulWords)]
    [InlineData("江海", "江海", SlotExtractors.DoubtfulWords)]
    [InlineData("碧溪现代广场", "碧溪现代广场", 1.0)]
    [InlineData("松岭青年公寓", "松岭青年公寓", 1.0)]
    [InlineData("柳湾关收费站", "柳湾关收费站", 1.0)]
    [InlineData("南都国际学校", "南都国际学校", 1.0)]
    public void Find_ANameShapedLikeAPlace_IsTheDestination(string text, string name, double sureness)
    {
        var found = Find(text, out var sure);

        Assert.Equal(name, found);
        Assert.Equal(sureness, sure);
    }

    [Theory]
    [InlineData("驶入辅路")]
    [InlineData("画蛇添足")]
    [InlineData("现在鹤鸣湾")]
    [InlineData("我在青枫小区")]
    [InlineData("打开空调")]
    [InlineData("川菜馆")]
    [InlineData("路")]
    [InlineData("吧")]
    [InlineData("很少出门")]
    [InlineData("不想上山")]
    [InlineData("有翠微公园")]
    [InlineData("难道翠微公园")]
    public void Find_TalkCommandsOrACategoryAlone_IsNoPlace(string text)
    {
        Assert.Null(Find(text, out _));
    }

    [Fact]
    public void Find_TalkGluedToAGuessedFirstWord_IsAskedAbout()
    {
        Assert.Equal("请导翠微公园", Find("请导翠微公园", out var sure));
        Assert.Equal(SlotExtractors.DoubtfulWords, sure);
    }

    private static string? Find(string text, out double sureness)
    {
        var segmenter = TestModel.Resources.Words!;
        var words = segmenter.Segment(text);
        var tagger = new Tagger(TestModel.Model.Lexicon);
        var boundaries = new WordBoundaryFilter(tagger, TestModel.Model.Lexicon);
        var tags = tagger.Tag(text, (start, end, concepts) => boundaries.Accepts(start, end, concepts, words));
        return Places.Find(text, tags, words, segmenter, out sureness);
    }
}
