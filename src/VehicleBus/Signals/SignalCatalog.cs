using System.Collections.Frozen;

namespace Car.VehicleBus.Signals;

/// <summary>
/// The set of signals a vehicle offers, looked up by VSS path. The bundled one is read from <c>models/vss</c> by
/// <see cref="SignalCatalogLoader"/>.
/// </summary>
public sealed class SignalCatalog
{
    private readonly FrozenDictionary<string, SignalDefinition> _byPath;

    public SignalCatalog(IEnumerable<SignalDefinition> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var list = signals.ToList();
        var duplicate = list.GroupBy(s => s.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The signal '{duplicate.Key}' is defined twice.", nameof(signals));
        }

        Signals = list;
        _byPath = list.ToFrozenDictionary(s => s.Path, StringComparer.Ordinal);
    }

    public IReadOnlyList<SignalDefinition> Signals { get; }

    public bool TryGet(string path, out SignalDefinition signal) => _byPath.TryGetValue(path, out signal!);

    /// <summary>Finds a signal or throws <see cref="VehicleBusException"/> naming the unknown path.</summary>
    public SignalDefinition Get(string path) => _byPath.TryGetValue(path, out var signal)
        ? signal
        : throw new VehicleBusException(VehicleBusError.UnknownSignal, path, $"Unknown signal '{path}'.");
}
