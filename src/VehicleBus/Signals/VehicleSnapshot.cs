namespace Car.VehicleBus.Signals;

/// <summary>The current values of every signal, read at one instant.</summary>
public sealed class VehicleSnapshot
{
    private readonly IReadOnlyDictionary<string, SignalValue> _values;

    public VehicleSnapshot(IReadOnlyDictionary<string, SignalValue> values)
    {
        _values = values;
    }

    public IEnumerable<string> Paths => _values.Keys;

    public SignalValue this[string path] => _values.TryGetValue(path, out var value)
        ? value
        : throw new VehicleBusException(VehicleBusError.UnknownSignal, path, $"Unknown signal '{path}'.");

    public double Number(string path) => this[path].AsNumber();

    public bool Boolean(string path) => this[path].AsBoolean();

    public string Text(string path) => this[path].AsString();
}
