using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>
/// A CAN bus in memory: every frame one endpoint sends reaches every other endpoint, in order, as on a real bus.
/// For tests and for wiring a simulated ECU to the provider in one process.
/// </summary>
public sealed class LoopbackCanBus
{
    private readonly Lock _gate = new();
    private readonly List<LoopbackCanTransport> _endpoints = [];

    /// <summary>A new node on the bus.</summary>
    public LoopbackCanTransport CreateEndpoint(string name = "loopback")
    {
        var endpoint = new LoopbackCanTransport(this, name);
        lock (_gate)
        {
            _endpoints.Add(endpoint);
        }

        return endpoint;
    }

    internal void Broadcast(LoopbackCanTransport sender, CanFrame frame)
    {
        LoopbackCanTransport[] endpoints;
        lock (_gate)
        {
            endpoints = [.. _endpoints];
        }

        foreach (var endpoint in endpoints)
        {
            if (endpoint != sender)
            {
                endpoint.Deliver(frame);
            }
        }
    }

    internal void Remove(LoopbackCanTransport endpoint)
    {
        lock (_gate)
        {
            _endpoints.Remove(endpoint);
        }
    }
}
