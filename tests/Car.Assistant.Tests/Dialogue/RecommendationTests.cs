using Car.Language;

namespace Car.Assistant.Tests.Dialogue;

public class RecommendationTests
{
    [Fact]
    public async Task Hungry_Offline_RefusedSayingWhyNoAction()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("我饿了");

        Assert.Empty(report.Actions);
        Assert.Equal(IntentNames.PoiSearch, Assert.Single(report.Refused).Intent);
        Assert.Contains("离线", report.Reply, StringComparison.Ordinal);
    }
}
