using Car.CloudSync.Recommendations;
using Car.Language;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Hungry_ThreeSuggestionsThenSecond_NavigatesToTheSecond()
    {
        var recommender = new ListRecommender(new PlaceSuggestion("川味小馆", "1.2 公里"), new PlaceSuggestion("老成都", "2 公里"), new PlaceSuggestion("蜀香园", "3 公里"));
        using var harness = new ConversationHarness(services: s => s.AddSingleton<IPlaceRecommender>(recommender));

        var offer = await harness.SayAsync("推荐一家川菜馆");
        var pick = await harness.SayAsync("第二个");

        Assert.Equal(new PlaceQuery("place", PlaceCategories.Food, "川菜"), recommender.LastQuery);
        Assert.Equal("要去第几个？", offer.Ask);
        Assert.Contains("2. 老成都", offer.Reply, StringComparison.Ordinal);
        Assert.Equal(IntentNames.NavGo, Assert.Single(pick.Intents).Name);
        Assert.Equal("老成都", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }

    [Fact]
    public async Task Search_RecommenderTooSlow_ToldToTryLaterWithinTheTimeout()
    {
        using var harness = new ConversationHarness(services: s => s.AddSingleton<IPlaceRecommender>(new HangingRecommender()));

        var report = await harness.SayAsync("找个充电桩");

        Assert.Contains("没有及时响应", report.Reply, StringComparison.Ordinal);
        Assert.Single(report.Refused);
    }

    private sealed class ListRecommender(params PlaceSuggestion[] suggestions) : IPlaceRecommender
    {
        public PlaceQuery? LastQuery { get; private set; }

        public Task<IReadOnlyList<PlaceSuggestion>> RecommendAsync(PlaceQuery query, CancellationToken cancellationToken = default)
        {
            LastQuery = query;
            return Task.FromResult<IReadOnlyList<PlaceSuggestion>>(suggestions);
        }
    }

    private sealed class HangingRecommender : IPlaceRecommender
    {
        public async Task<IReadOnlyList<PlaceSuggestion>> RecommendAsync(PlaceQuery query, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
