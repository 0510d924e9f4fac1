namespace Car.CloudSync.Events;

/// <summary>The car read these places aloud, in this order, for the server's answer <paramref name="RequestId"/>.</summary>
public sealed record RecommendationOfferedEvent(
    string IdempotencyKey, DateTimeOffset OccurredAt, string RequestId, IReadOnlyList<string> PlaceIds, string? Category, string? Words)
    : ReportedEvent(IdempotencyKey, OccurredAt);
