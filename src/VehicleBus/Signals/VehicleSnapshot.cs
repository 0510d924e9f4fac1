namespace Car.VehicleBus.Signals;

/// <summary>
/// The current values of every signal, read at one instant, with when each value was last published (a sensor
/// that stopped publishing shows an old time; readers decide how old is too old).
/// </summary>
public sealed class VehicleSnapshot
{
    private readonly IReadOnlyDictionary<string, SignalValue> _values;
    private readonly IReadOnlyDictionary<string, DateTimeOffset>? _updatedAt;

    /// <param name="values">The value of each signal.</param>
    /// <param name="readAt">When the snapshot was read.</param>
    /// <param name="updatedAt">When each value was last published; a signal missing here counts as published at <paramref name="readAt"/>.</param>
    public VehicleSnapshot(
        IReadOnlyDictionary<string, SignalValue> values, DateTimeOffset readAt, IReadOnlyDictionary<string, DateTimeOffset>? updatedAt = null)
    {
        _values = values;
        ReadAt = readAt;
        _updatedAt = updatedAt;
    }

    public DateTimeOffset ReadAt { get; }

    public IEnumerable<string> Paths => _values.Keys;

    public SignalValue this[string path] => _values.TryGetValue(path, out var value)
        ? value
        : throw new VehicleBusException(VehicleBusError.UnknownSignal, path, $"Unknown signal '{path}'.");

    public double Number(string path) => this[path].AsNumber();

    public bool Boolean(string path) => this[path].AsBoolean();

    public string Text(string path) => this[path].AsString();

    /// <summary>When the signal's value was last published.</summary>
    public DateTimeOffset UpdatedAt(string path) =>
        _updatedAt is not null && _updatedAt.TryGetValue(path, out var at) ? at : ReadAt;

    /// <summary>How long ago, at <see cref="ReadAt"/>, the signal's value was published.</summary>
    public TimeSpan Age(string path) => ReadAt - UpdatedAt(path);
}
