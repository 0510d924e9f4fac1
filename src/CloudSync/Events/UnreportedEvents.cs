namespace Car.CloudSync.Events;

/// <summary>The reporter of a car with no cloud configured: nothing leaves the car, so nothing is kept either.</summary>
public sealed class UnreportedEvents : IVehicleEventReporter
{
    public Task ReportAsync(ReportedEvent reportedEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
