using Car.VehicleBus.Signals;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Broker;

/// <summary>One signal in the broker: its id, current value, subscribers and owners. Locked on itself for subscriber changes.</summary>
internal sealed class BrokerEntry(int id, SignalDefinition signal)
{
    private volatile Datapoint? _current;
    private volatile Subscriber[] _subscribers = [];
    private volatile ProviderSession? _owner;
    private volatile ProviderSession? _signalProvider;

    public int Id { get; } = id;

    public SignalDefinition Signal { get; } = signal;

    public Metadata Metadata { get; } = KuksaValues.ToMetadata(id, signal);

    /// <summary>The last datapoint published, or null when none was.</summary>
    public Datapoint? Current { get => _current; set => _current = value; }

    /// <summary>Replaced whole (copy on write) under the entry's lock; read without it.</summary>
    public Subscriber[] Subscribers { get => _subscribers; set => _subscribers = value; }

    /// <summary>The provider that claimed this actuator, if any.</summary>
    public ProviderSession? Owner { get => _owner; set => _owner = value; }

    /// <summary>The provider that registered this signal's values, if any.</summary>
    public ProviderSession? SignalProvider { get => _signalProvider; set => _signalProvider = value; }
}
