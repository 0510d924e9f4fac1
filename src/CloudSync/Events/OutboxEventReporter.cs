using Google.Protobuf;

namespace Car.CloudSync.Events;

/// <summary>
/// Reports events through the outbox: <see cref="ReportAsync"/> returns once the event is on disk (it survives a
/// crash); the delivery service sends it and forgets it only when the server has acknowledged its key.
/// </summary>
public sealed class OutboxEventReporter : IVehicleEventReporter
{
    private readonly Outbox _outbox;

    internal OutboxEventReporter(Outbox outbox) => _outbox = outbox;

    public Task ReportAsync(ReportedEvent reportedEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reportedEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportedEvent.IdempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        var payload = EventMapping.ToContract(reportedEvent).ToByteArray();
        _outbox.Add(reportedEvent.IdempotencyKey, reportedEvent.OccurredAt, payload);
        return Task.CompletedTask;
    }
}
