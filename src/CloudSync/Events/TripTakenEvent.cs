using Car.CloudSync.Recommendations;

namespace Car.CloudSync.Events;

/// <summary>The car went somewhere (the navigation target was set): where, and what kind of place.</summary>
/// <param name="Label">The owner's name for the place (公司, 家), when the driver used one.</param>
public sealed record TripTakenEvent(
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    string DestinationName,
    string? PlaceId = null,
    GeoPosition? Destination = null,
    string? Category = null,
    string? Cuisine = null,
    int PriceLevel = 0,
    string? Label = null,
    GeoPosition? Origin = null)
    : ReportedEvent(IdempotencyKey, OccurredAt);
