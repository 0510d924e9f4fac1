namespace Car.CloudSync.Recommendations;

/// <summary>Where to plan a route to: a place id from an earlier answer, or the driver's words (公司, 机场).</summary>
public sealed record RouteQuery(
    string? PlaceId, string? DestinationText, RoutePreference Preference, GeoPosition? Position, DateTimeOffset LocalTime);
