namespace Car.CloudSync.Events;

/// <summary>
/// Reports what the car did to the cloud (trips taken, recommendations offered and chosen), from which the owner's
/// habits are learned. Reporting only queues: the event is stored durably before the call returns and delivered later,
/// exactly once, whenever the cloud can be reached.
/// </summary>
public interface IVehicleEventReporter
{
    /// <summary>Stores the event for delivery; returns once it would survive a crash.</summary>
    Task ReportAsync(ReportedEvent reportedEvent, CancellationToken cancellationToken = default);
}
