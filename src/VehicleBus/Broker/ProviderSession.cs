using System.Threading.Channels;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Broker;

/// <summary>
/// One OpenProviderStream call: what it claimed and the queue of messages to it. The queue holds 10, as KUKSA's
/// does: a provider that stops reading holds up the actuations sent to it.
/// </summary>
internal sealed class ProviderSession(int number, KuksaAccess access)
{
    private volatile bool _closed;

    public int Number { get; } = number;

    public KuksaAccess Access { get; } = access;

    public Channel<OpenProviderStreamResponse> Outbound { get; } = Channel.CreateBounded<OpenProviderStreamResponse>(
        new BoundedChannelOptions(10) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Guarded by the broker's claim lock.</summary>
    public HashSet<BrokerEntry> Actuators { get; } = [];

    /// <summary>Guarded by the broker's claim lock.</summary>
    public HashSet<BrokerEntry> Signals { get; } = [];

    public bool IsSignalProvider { get; set; }

    public bool IsClosed { get => _closed; set => _closed = value; }
}
