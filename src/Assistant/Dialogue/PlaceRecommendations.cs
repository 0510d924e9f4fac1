using Car.Assistant.Policy;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.Language;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Answers poi.search (我饿了, 找个充电桩) and trip.recommend through the recommender: the suggestions are read out
/// and remembered so that 第二个 / 就去第一家 navigates there and 换一批 reads the next ones. Offline, the driver hears
/// a remembered answer and how old it is, or why there is none; the cloud is told what was offered.
/// </summary>
public sealed class PlaceRecommendations
{
    public const string WhichOne = "要去第几个？";

    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        [PlaceCategories.Food] = "美食", [PlaceCategories.GasStation] = "加油站",
        [PlaceCategories.ChargingStation] = "充电站", [PlaceCategories.Parking] = "停车场",
        [PlaceCategories.Restroom] = "洗手间", [PlaceCategories.Coffee] = "咖啡店",
        [PlaceCategories.Hotel] = "酒店", [PlaceCategories.Scenic] = "景点",
    };

    private readonly IPlaceRecommender _recommender;
    private readonly VehicleEventLog _events;
    private readonly RecommendationOptions _options;
    private readonly TimeProvider _time;

    public PlaceRecommendations(
        IPlaceRecommender recommender, VehicleEventLog events, IOptions<RecommendationOptions> options, TimeProvider time)
    {
        _recommender = recommender;
        _events = events;
        _options = options.Value;
        _time = time;
    }

    public static bool Handles(Intent intent) => intent.Name is IntentNames.PoiSearch or IntentNames.TripRecommend;

    /// <param name="offset">Places of the same ranking already offered (换一批 asks past them).</param>
    public async Task<RecommendationOutcome> RecommendAsync(
        Intent search, GeoPosition? position, int offset, CancellationToken cancellationToken)
    {
        var trip = search.Name == IntentNames.TripRecommend;
        var what = trip
            ? "路线"
            : search.Text(SlotNames.Query) ?? CategoryNames.GetValueOrDefault(search.Text(SlotNames.Category) ?? string.Empty, "地点");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        (IReadOnlyList<(string Spoken, PlaceSuggestion Place)> Offer, AnswerOrigin Origin) answer;
        try
        {
            answer = await AskAsync(search, trip, position, offset, deadline.Token)
                .WaitAsync(_options.Timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (RecommenderUnavailableException)
        {
            return Refused(search, $"推荐{what}需要联网，当前离线，暂时无法推荐");
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Refused(search, "推荐服务没有及时响应，请稍后再试");
        }

        var offer = answer.Offer.Take(_options.MaxSuggestions).ToList();
        var offline = answer.Origin.FromCache
            ? $"当前离线，以下是{SpokenMeasures.Age(_time.GetUtcNow() - answer.Origin.GeneratedAt)}的推荐："
            : string.Empty;
        if (offer.Count == 0)
        {
            return new RecommendationOutcome(offset > 0 ? $"{offline}没有更多的{what}了" : $"{offline}附近没有找到合适的{what}", null, null, null);
        }

        var choices = new OfferedChoices(search, offset, answer.Origin.RequestId, [.. offer.Select(o => o.Place)]);
        if (!answer.Origin.FromCache)
        {
            await _events.ReportAsync(
                new RecommendationOfferedEvent(
                    ReportedEvent.NewKey(), _time.GetLocalNow(), answer.Origin.RequestId, [.. choices.Places.Select(p => p.Id)],
                    search.Text(SlotNames.Category), search.Text(SlotNames.Query) ?? search.Text(SlotNames.Theme)),
                cancellationToken).ConfigureAwait(false);
        }

        var list = string.Join("；", offer.Select((o, i) => $"{i + 1}. {o.Spoken}"));
        return new RecommendationOutcome($"{offline}为您找到：{list}。{WhichOne}", WhichOne, choices, null);
    }

    private async Task<(IReadOnlyList<(string Spoken, PlaceSuggestion Place)>, AnswerOrigin)> AskAsync(
        Intent search, bool trip, GeoPosition? position, int offset, CancellationToken cancellationToken)
    {
        var now = _time.GetLocalNow();
        if (trip)
        {
            var trips = await _recommender.RecommendTripsAsync(
                new TripQuery(search.Text(SlotNames.Theme), 0, position, now), cancellationToken).ConfigureAwait(false);
            return ([.. trips.Trips.Skip(offset).Where(t => t.Stops.Count > 0).Select(t => ($"{t.Title}（{t.Reason}）", t.Stops[0]))],
                trips.Origin);
        }

        var places = await _recommender.RecommendPlacesAsync(
            new PlaceQuery(search.Text(SlotNames.Category), search.Text(SlotNames.Query), position, now, offset), cancellationToken)
            .ConfigureAwait(false);
        return ([.. places.Places.Select(p => ($"{p.Name}（{p.Reason}）", p))], places.Origin);
    }

    private static RecommendationOutcome Refused(Intent intent, string reason) =>
        new(reason, null, null, new Refusal(intent.Name, reason));
}
