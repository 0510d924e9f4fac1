using Car.Assistant.Cli.Evaluation;
using Car.Language;

namespace Car.Assistant.Tests.Cli.Evaluation;

public class NlpccReaderTests
{
    [Fact]
    public async Task Read_SessionsWithBlankLines_TurnsWithSlots()
    {
        var text = "1\t放一首小城故事\tmusic.play\t放一首<song>小城故事</song>\n\n2\t导航去人民公园\tnavigation.navigation\t导航去<destination>人民公园</destination>\n";

        var turns = await NlpccReader.ReadAsync(new StringReader(text), CancellationToken.None);

        Assert.Equal(2, turns.Count);
        Assert.Equal(3, turns[1].Line);
        Assert.Equal(new KeyValuePair<string, string>("song", "小城故事"), Assert.Single(turns[0].Slots));
    }

    [Fact]
    public async Task Read_MissingField_ErrorNamesTheLine()
    {
        var text = "1\t暂停\tmusic.pause\t暂停\n\n2\t下一首\tmusic.next\n";

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => NlpccReader.ReadAsync(new StringReader(text), CancellationToken.None));

        Assert.StartsWith("line 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TwoSingers_MediaPlayWithBothAsQuery()
    {
        var turn = NlpccReader.Parse("1\t来一首小王唱的晚风\tmusic.play\t来一首<singer>小王</singer>唱的<song>晚风</song>", 1);

        var expected = NlpccMapping.Map(turn).Expected;

        var play = Assert.Single(expected.Intents!);
        Assert.Equal(IntentNames.MediaPlay, play.Name);
        Assert.True(IntentMatch.Same(play, new Intent(IntentNames.MediaPlay).With(SlotNames.Query, SlotValue.Of("晚风")).With("artist", SlotValue.Of("小王"))));
    }

    [Theory]
    [InlineData("晚疯", true)]
    [InlineData("晚风", true)]
    [InlineData("晚疯||晚风", false)]
    [InlineData("晚", false)]
    public void Map_HeardAndMeantTitle_EitherMatches(string said, bool same)
    {
        var turn = NlpccReader.Parse("1\t放一首晚疯\tmusic.play\t放一首<song>晚疯||晚风</song>", 1);

        var play = Assert.Single(NlpccMapping.Map(turn).Expected.Intents!);

        Assert.Equal(same, IntentMatch.Same(play, new Intent(IntentNames.MediaPlay).With(SlotNames.Query, SlotValue.Of(said))));
    }

    [Fact]
    public void Map_EmotionOnly_NotExpressibleButPlayTolerated()
    {
        var turn = NlpccReader.Parse("1\t放点开心的歌\tmusic.play\t放点<emotion>开心</emotion>的歌", 1);

        var expected = NlpccMapping.Map(turn).Expected;

        Assert.False(expected.IsExpressible);
        Assert.Contains(IntentNames.MediaPlay, expected.Tolerated);
    }
}
