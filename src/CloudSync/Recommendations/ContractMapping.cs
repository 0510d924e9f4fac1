using Car.CloudSync.Contract.V1;
using Google.Protobuf.WellKnownTypes;
using ContractPreference = Car.CloudSync.Contract.V1.RoutePreference;

namespace Car.CloudSync.Recommendations;

/// <summary>Between the car's records and the contract's messages.</summary>
internal static class ContractMapping
{
    public static VehicleContext Vehicle(string vehicleId, GeoPosition? position, DateTimeOffset localTime)
    {
        var vehicle = new VehicleContext
        {
            VehicleId = vehicleId,
            HeadingDegrees = position?.Heading ?? -1,
            LocalTime = Time(localTime),
        };
        if (position is not null)
        {
            vehicle.Position = Point(position);
        }

        return vehicle;
    }

    public static LocalTime Time(DateTimeOffset localTime) => new()
    {
        Instant = Timestamp.FromDateTimeOffset(localTime),
        UtcOffsetMinutes = (int)localTime.Offset.TotalMinutes,
    };

    public static GeoPoint Point(GeoPosition position) => new() { Latitude = position.Latitude, Longitude = position.Longitude };

    public static ContractPreference Preference(RoutePreference preference) => preference switch
    {
        RoutePreference.AvoidCongestion => ContractPreference.AvoidCongestion,
        RoutePreference.Fastest => ContractPreference.Fastest,
        RoutePreference.NoHighway => ContractPreference.NoHighway,
        RoutePreference.AvoidToll => ContractPreference.AvoidToll,
        _ => ContractPreference.Unspecified,
    };

    public static PlaceRecommendation Places(RecommendPlacesReply reply, bool fromCache) =>
        new([.. reply.Places.Select(Place)], Origin(reply.Metadata, fromCache));

    public static RoutePlan Route(PlanRouteReply reply, bool fromCache) =>
        new(Place(reply.Destination ?? new Place()), [.. reply.Alternatives.Select(Route)], Origin(reply.Metadata, fromCache));

    public static TripRecommendation Trips(RecommendTripReply reply, bool fromCache) =>
        new([.. reply.Trips.Select(Trip)], Origin(reply.Metadata, fromCache));

    public static PlaceSuggestion Place(Place place) => new(
        place.Id,
        place.Name,
        place.Category,
        string.IsNullOrEmpty(place.Cuisine) ? null : place.Cuisine,
        new GeoPosition(place.Position?.Latitude ?? 0, place.Position?.Longitude ?? 0),
        place.DistanceMeters,
        TimeSpan.FromSeconds(place.EtaSeconds),
        place.Rating,
        place.PriceLevel,
        place.OpenNow,
        place.Reason);

    private static RouteOption Route(Route route) => new(
        route.Summary,
        route.DistanceMeters,
        TimeSpan.FromSeconds(route.DurationSeconds),
        route.Congestion switch
        {
            Congestion.Free => CongestionLevel.Free,
            Congestion.Slow => CongestionLevel.Slow,
            Congestion.Jammed => CongestionLevel.Jammed,
            _ => CongestionLevel.Unknown,
        },
        route.UsesHighway,
        route.HasTolls);

    private static TripSuggestion Trip(Trip trip) =>
        new(trip.Id, trip.Title, trip.Theme, trip.Days, [.. trip.Stops.Select(Place)], trip.DistanceMeters, trip.Reason);

    private static AnswerOrigin Origin(AnswerMetadata? metadata, bool fromCache) => new(
        metadata?.RequestId ?? "",
        metadata?.DataSource ?? "",
        metadata?.SampleData ?? false,
        metadata?.GeneratedAt?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
        fromCache);
}
