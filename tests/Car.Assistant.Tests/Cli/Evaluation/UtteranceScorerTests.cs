using Car.Assistant.Cli.Evaluation;
using Car.Language;

namespace Car.Assistant.Tests.Cli.Evaluation;

public class UtteranceScorerTests
{
    private static readonly Intent GoToPark = new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of("人民公园"));

    private static Outcome Score(string domain, Expectation expected, params Intent[] got) =>
        UtteranceScorer.Score(new LabeledUtterance("导航去人民公园", domain, expected, "line 1"), new ParsedUtterance("导航去人民公园", got, "rules"));

    [Fact]
    public void Score_SameDestinationWithPunctuation_Exact() =>
        Assert.Equal(Outcome.Exact, Score(EvaluationDomains.Navigation, Expectation.Exactly(GoToPark), new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of("人民公园。"))));

    [Fact]
    public void Score_TruncatedDestination_Wrong() =>
        Assert.Equal(Outcome.Wrong, Score(EvaluationDomains.Navigation, Expectation.Exactly(GoToPark), new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of("人民"))));

    [Fact]
    public void Score_Nothing_Missed() =>
        Assert.Equal(Outcome.Missed, Score(EvaluationDomains.Navigation, Expectation.Exactly(GoToPark)));

    [Fact]
    public void Score_QuestionBack_Missed() =>
        Assert.Equal(Outcome.Missed, Score(EvaluationDomains.Navigation, Expectation.Exactly(GoToPark), GoToPark with { Confidence = 0.5 }));

    [Fact]
    public void Score_OthersWithAnAction_Wrong() =>
        Assert.Equal(Outcome.Wrong, Score(EvaluationDomains.Others, Expectation.Nothing, new Intent(IntentNames.MediaPlay)));

    [Fact]
    public void Score_OthersWithAStatusQuestion_NotWrong() =>
        Assert.Equal(Outcome.Partial, Score(EvaluationDomains.Others, Expectation.Nothing, new Intent(IntentNames.StatusQuery)));

    [Fact]
    public void ActsOtherIntent_TruncatedDestination_SameKindOfAction()
    {
        var utterance = new LabeledUtterance("导航去人民公园", EvaluationDomains.Navigation, Expectation.Exactly(GoToPark), "line 1");
        var parsed = new ParsedUtterance("导航去人民公园", [new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of("人民"))], "rules");

        Assert.Equal(Outcome.Wrong, UtteranceScorer.Score(utterance, parsed));
        Assert.False(UtteranceScorer.ActsOtherIntent(utterance, parsed));
    }

    [Fact]
    public void ActsOtherIntent_PlayingInsteadOfNavigating_AnotherKind()
    {
        var utterance = new LabeledUtterance("导航去人民公园", EvaluationDomains.Navigation, Expectation.Exactly(GoToPark), "line 1");
        var parsed = new ParsedUtterance("导航去人民公园", [new Intent(IntentNames.MediaPlay)], "rules");

        Assert.True(UtteranceScorer.ActsOtherIntent(utterance, parsed));
    }

    [Theory]
    [InlineData("晴天的风", "Partial")] // singer 晴天, song 风, searched together: what was asked, not apart as labelled
    [InlineData("风 晴天", "Partial")]
    [InlineData("晴天", "Wrong")] // the song left out
    [InlineData("晴天的风吹", "Wrong")] // a word more than was said to be played
    [InlineData("晴天的晴天", "Wrong")] // one value twice, the other not at all
    public void Score_OneSearchForSingerAndSong_NotWrongOnlyWhenItHoldsBothAndNothingElse(string query, string outcome)
    {
        var expected = new Intent(IntentNames.MediaPlay).With("artist", SlotValue.Of("晴天")).With(SlotNames.Query, SlotValue.Of("风"));

        Assert.Equal(Enum.Parse<Outcome>(outcome), Score(EvaluationDomains.Music, Expectation.Exactly(expected), new Intent(IntentNames.MediaPlay).With(SlotNames.Query, SlotValue.Of(query))));
    }
}
