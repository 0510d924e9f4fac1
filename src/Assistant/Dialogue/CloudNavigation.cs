using Car.Assistant.Policy;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.Language;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Navigation with the cloud: before the policy decides, each nav.go is planned (回公司 becomes the owner's office,
/// 第二个 the offered place, with the route and its traffic); after the car has taken the target, the trip is reported,
/// and the choice when it came from a list. Offline or too slow, nothing is planned and the head unit's navigation
/// gets the driver's words as before.
/// </summary>
public sealed class CloudNavigation
{
    private static readonly Dictionary<string, RoutePreference> Preferences = new(StringComparer.Ordinal)
    {
        [RoutePreferences.AvoidCongestion] = RoutePreference.AvoidCongestion, [RoutePreferences.Fastest] = RoutePreference.Fastest,
        [RoutePreferences.NoHighway] = RoutePreference.NoHighway, [RoutePreferences.AvoidToll] = RoutePreference.AvoidToll,
    };

    /// <summary>Destinations that are the owner's own places, reported as labels so the cloud learns where they are.</summary>
    private static readonly HashSet<string> OwnPlaces = new(StringComparer.Ordinal) { "家", "公司", "单位", "学校" };

    private readonly IPlaceRecommender _recommender;
    private readonly VehicleEventLog _events;
    private readonly RecommendationOptions _options;
    private readonly TimeProvider _time;

    public CloudNavigation(IPlaceRecommender recommender, VehicleEventLog events, IOptions<RecommendationOptions> options, TimeProvider time)
    {
        _recommender = recommender;
        _events = events;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The planned route of each nav.go destination the cloud could resolve in time, by the driver's words.</summary>
    public async Task<IReadOnlyDictionary<string, RoutePlan>> PlanAsync(
        IReadOnlyList<Intent> intents, OfferedChoices? offer, GeoPosition? position, CancellationToken cancellationToken)
    {
        var plans = new Dictionary<string, RoutePlan>(StringComparer.Ordinal);
        foreach (var intent in intents.Where(i => i.Name == IntentNames.NavGo))
        {
            if (intent.Text(SlotNames.Destination) is not { Length: > 0 } words || plans.ContainsKey(words))
            {
                continue;
            }

            var placeId = offer?.Find(words)?.Place.Id;
            var preference = Preferences.GetValueOrDefault(intent.Text(SlotNames.Preference) ?? string.Empty, RoutePreference.Default);
            var query = new RouteQuery(placeId, placeId is null ? words : null, preference, position, _time.GetLocalNow());
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.Timeout);
            try
            {
                var plan = await _recommender.PlanRouteAsync(query, deadline.Token)
                    .WaitAsync(_options.Timeout, _time, cancellationToken).ConfigureAwait(false);
                if (plan.Routes.Count > 0)
                {
                    plans[words] = plan;
                }
            }
            catch (Exception e) when (e is RecommenderUnavailableException or TimeoutException
                || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The head unit's navigation takes the driver's words.
            }
        }

        return plans;
    }

    /// <summary>Reports each destination the car took (its target confirmed on the bus), and which offered place it was.</summary>
    public async Task ReportTripsAsync(
        IReadOnlyList<Intent> intents,
        IReadOnlyList<ActionResult> results,
        IReadOnlyDictionary<string, RoutePlan> plans,
        OfferedChoices? offer,
        GeoPosition? position,
        CancellationToken cancellationToken)
    {
        foreach (var intent in intents.Where(i => i.Name == IntentNames.NavGo))
        {
            var words = intent.Text(SlotNames.Destination) ?? string.Empty;
            var place = plans.TryGetValue(words, out var plan) ? plan.Destination : null;
            var name = place?.Name ?? words;
            if (name.Length == 0 || !results.Any(r => r.Signal == VssPaths.NavigationDestination && r.Confirmed && r.Value.AsString() == name))
            {
                continue;
            }

            var now = _time.GetLocalNow();
            if (offer?.Find(words) is var (offered, rank))
            {
                await _events.ReportAsync(
                    new RecommendationChosenEvent(ReportedEvent.NewKey(), now, offer.RequestId, offered.Id, rank), cancellationToken)
                    .ConfigureAwait(false);
                place ??= offered;
            }

            await _events.ReportAsync(
                new TripTakenEvent(
                    ReportedEvent.NewKey(), now, name, place?.Id, place?.Position, place?.Category, place?.Cuisine, place?.PriceLevel ?? 0,
                    OwnPlaces.Contains(words) ? words : null, position),
                cancellationToken).ConfigureAwait(false);
        }
    }
}
