namespace Car.CloudSync.Events;

/// <summary>
/// A line of the car's model-bundle update log (what, from which version to which, how it ended), reported so that
/// the fleet sees every install, rollback and failed health check (UN R156 update records).
/// </summary>
/// <param name="Action"><c>install</c>, <c>rollback</c>, <c>health-check</c> or <c>crash-loop</c>.</param>
/// <param name="Slot">The slot the car runs from afterwards: <c>a</c>, <c>b</c> or <c>factory</c>.</param>
/// <param name="Result"><c>ok</c>, <c>rejected</c>, <c>failed</c> or <c>rolled-back</c>.</param>
public sealed record BundleUpdateEvent(
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    string Action,
    string Bundle,
    long FromVersion,
    long ToVersion,
    string Slot,
    string Result,
    string Message)
    : ReportedEvent(IdempotencyKey, OccurredAt);
