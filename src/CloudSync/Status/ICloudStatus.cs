namespace Car.CloudSync.Status;

/// <summary>How the car's link to the cloud stands (<c>car cloud status</c>).</summary>
public interface ICloudStatus
{
    /// <summary>Checks whether the endpoint answers (within the call deadline) and reads the outbox and cache.</summary>
    Task<CloudStatusReport> GetStatusAsync(CancellationToken cancellationToken = default);
}
