namespace Car.CloudSync.Status;

/// <summary>The status of a car with no cloud endpoint configured.</summary>
public sealed class NoCloudStatus : ICloudStatus
{
    public Task<CloudStatusReport> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new CloudStatusReport(null, false, "No cloud endpoint is configured (Cloud:Endpoint).", 0, null, null));
}
