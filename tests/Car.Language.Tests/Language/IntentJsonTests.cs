using Car.Testing;

namespace Car.Language.Tests.Language;

public class IntentJsonTests
{
    [Fact]
    public void ParseLine_ContractExample_PrintedExactlyAsTheContractShows()
    {
        var line = IntentJson.ParseLine(TestModel.Parser.Parse("有点闷，把空调调到22度"));

        Assert.Equal(
            """{"text":"有点闷，把空调调到22度","intents":[{"intent":"comfort.stuffy","slots":{}},{"intent":"climate.set_temperature","slots":{"value":22}}]}""",
            line);
    }

    [Fact]
    public void ParseLine_HalfDegree_IsAJsonNumber()
    {
        Assert.Contains("\"value\":22.5", IntentJson.ParseLine(TestModel.Parser.Parse("空调调到二十二度半")), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_Rejected_CarriesTheError()
    {
        var line = IntentJson.ParseLine(TestModel.Parser.Parse(new string('开', 500)));

        Assert.Contains("\"intents\":[]", line, StringComparison.Ordinal);
        Assert.Contains("\"error\":\"utterance too long", line, StringComparison.Ordinal);
    }
}
