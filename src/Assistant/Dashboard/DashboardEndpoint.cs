namespace Car.Assistant.Dashboard;

/// <summary>Where the dashboard of this process listens once it does (with the real port when 0 was asked for); null when it is off.</summary>
public sealed class DashboardEndpoint
{
    private readonly TaskCompletionSource<Uri?> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri?> Address => _address.Task;

    internal void Started(Uri? address) => _address.TrySetResult(address);

    internal void Failed(Exception e) => _address.TrySetException(e);
}
