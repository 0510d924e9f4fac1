namespace Car.CloudSync.Events;

/// <summary>The driver picked one of the offered places (第二个): <paramref name="Rank"/> counts from 1.</summary>
public sealed record RecommendationChosenEvent(
    string IdempotencyKey, DateTimeOffset OccurredAt, string RequestId, string PlaceId, int Rank)
    : ReportedEvent(IdempotencyKey, OccurredAt);
