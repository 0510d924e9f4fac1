using Car.Assistant.Policy;
using Car.CloudSync.Recommendations;
using Car.Language;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Answers poi.search (我饿了, 找个充电桩) and trip.recommend through the recommender: the suggestions are read out
/// and remembered so that 第二个 / 就去第一家 navigates there. Offline or too slow, the driver hears why.
/// </summary>
public sealed class PlaceRecommendations
{
    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        [PlaceCategories.Food] = "美食", [PlaceCategories.GasStation] = "加油站",
        [PlaceCategories.ChargingStation] = "充电站", [PlaceCategories.Parking] = "停车场",
        [PlaceCategories.Restroom] = "洗手间", [PlaceCategories.Coffee] = "咖啡店",
        [PlaceCategories.Hotel] = "酒店", [PlaceCategories.Scenic] = "景点",
    };

    private readonly IPlaceRecommender _recommender;
    private readonly RecommendationOptions _options;
    private readonly TimeProvider _time;

    public PlaceRecommendations(IPlaceRecommender recommender, IOptions<RecommendationOptions> options, TimeProvider time)
    {
        _recommender = recommender;
        _options = options.Value;
        _time = time;
    }

    public static bool Handles(Intent intent) => intent.Name is IntentNames.PoiSearch or IntentNames.TripRecommend;

    public async Task<RecommendationOutcome> RecommendAsync(Intent intent, CancellationToken cancellationToken)
    {
        var trip = intent.Name == IntentNames.TripRecommend;
        var now = _time.GetLocalNow();
        var what = trip ? "路线" : intent.Text(SlotNames.Query) ?? CategoryNames.GetValueOrDefault(intent.Text(SlotNames.Category) ?? string.Empty, "地点");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        IReadOnlyList<(string Name, string Description)> suggestions;
        try
        {
            suggestions = trip
                ? (await _recommender.RecommendTripsAsync(new TripQuery(intent.Text(SlotNames.Theme), 0, null, now), deadline.Token)
                    .WaitAsync(_options.Timeout, _time, cancellationToken).ConfigureAwait(false)).Trips.Select(t => (t.Title, t.Reason)).ToList()
                : (await _recommender.RecommendPlacesAsync(
                        new PlaceQuery(intent.Text(SlotNames.Category), intent.Text(SlotNames.Query), null, now), deadline.Token)
                    .WaitAsync(_options.Timeout, _time, cancellationToken).ConfigureAwait(false)).Places.Select(p => (p.Name, p.Reason)).ToList();
        }
        catch (RecommenderUnavailableException)
        {
            return Refused(intent, $"推荐{what}需要联网，当前离线，暂时无法推荐");
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Refused(intent, "推荐服务没有及时响应，请稍后再试");
        }

        var offer = suggestions.Take(_options.MaxSuggestions).ToList();
        if (offer.Count == 0)
        {
            return new RecommendationOutcome($"附近没有找到合适的{what}", null, [], null);
        }

        const string question = "要去第几个？";
        var list = string.Join("；", offer.Select((s, i) => $"{i + 1}. {s.Name}（{s.Description}）"));
        return new RecommendationOutcome($"为您找到：{list}。{question}", question, [.. offer.Select(s => s.Name)], null);
    }

    private static RecommendationOutcome Refused(Intent intent, string reason) =>
        new(reason, null, [], new Refusal(intent.Name, reason));
}
