using Car.Testing;

namespace Car.Language.Tests.Language;

/// <summary>A title said before the word that asks to play it (某首歌播放) is the title; talk before it names none.</summary>
public sealed class TitleBeforePlayTests
{
    [Theory]
    [InlineData("晚风里的灯塔播放", "晚风里的灯塔")]
    [InlineData("晚风里的灯塔请播放", "晚风里的灯塔")]
    [InlineData("晚风里的灯塔放一下", "晚风里的灯塔")]
    [InlineData("山那边的云帮我播放", "山那边的云")]
    public void Parse_TitleThenPlay_PlaysTheTitle(string text, string title)
    {
        Assert.Equal($"media.play(query={title})", TestModel.Parse(text));
    }

    [Theory]
    [InlineData("这是什么歌在播放")]
    [InlineData("你们能给我播放")]
    [InlineData("现在开始播放")]
    [InlineData("把收藏里的歌给我播放")]
    [InlineData("麻烦给我播放一首")]
    public void Parse_TalkThenPlay_NamesNoTitle(string text)
    {
        var intents = TestModel.Parser.Parse(text).Intents;

        Assert.DoesNotContain(intents, i => i.Text(SlotNames.Query) is not null || i.Text(SlotNames.Title) is not null);
    }
}
