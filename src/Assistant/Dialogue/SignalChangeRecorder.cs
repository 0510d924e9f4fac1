using System.Collections.Concurrent;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Dialogue;

/// <summary>Collects the current-value changes seen during a turn, against the values before it.</summary>
internal sealed class SignalChangeRecorder
{
    private readonly VehicleSnapshot _before;
    private readonly ConcurrentDictionary<string, SignalValue> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public SignalChangeRecorder(VehicleSnapshot before)
    {
        _before = before;
    }

    public void Record(SignalChange change)
    {
        if (_latest.TryAdd(change.Path, change.Value))
        {
            _order.Enqueue(change.Path);
        }
        else
        {
            _latest[change.Path] = change.Value;
        }
    }

    public IReadOnlyList<SignalChangeSummary> Summaries() =>
    [
        .. _order.Distinct()
            .Select(path => new SignalChangeSummary(path, _before[path], _latest[path]))
            .Where(s => s.Before != s.After),
    ];
}
