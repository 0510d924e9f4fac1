namespace Car.CloudSync.Status;

/// <summary>The cloud link as <c>car cloud status</c> prints it.</summary>
/// <param name="Endpoint">The configured endpoint, or null when the car has no cloud.</param>
/// <param name="Reachable">Whether the endpoint answered just now.</param>
/// <param name="Problem">Why it did not, in one line, or null.</param>
/// <param name="OutboxSize">Events queued and not yet acknowledged by the server.</param>
/// <param name="OldestQueued">When the oldest of those happened, or null when the outbox is empty.</param>
/// <param name="CacheAge">The age of the newest remembered answer, or null when nothing is cached.</param>
public sealed record CloudStatusReport(
    Uri? Endpoint, bool Reachable, string? Problem, int OutboxSize, DateTimeOffset? OldestQueued, TimeSpan? CacheAge);
