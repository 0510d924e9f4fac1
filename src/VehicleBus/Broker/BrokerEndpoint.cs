namespace Car.VehicleBus.Broker;

/// <summary>Where the broker of this process listens, once it does (with the real port when port 0 was asked for).</summary>
public sealed class BrokerEndpoint
{
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Address => _address.Task;

    internal void Started(Uri address) => _address.TrySetResult(address);

    internal void Failed(Exception e) => _address.TrySetException(e);
}
