namespace Car.CloudSync.Events;

/// <summary>
/// Something the car reports. The idempotency key is made when the event happens and never changes, so retries,
/// restarts and crashes can deliver it again without the server counting it twice.
/// </summary>
public abstract record ReportedEvent(string IdempotencyKey, DateTimeOffset OccurredAt)
{
    /// <summary>A fresh key: a version 7 GUID, unique and ordered by time.</summary>
    public static string NewKey() => Guid.CreateVersion7().ToString("N");
}
