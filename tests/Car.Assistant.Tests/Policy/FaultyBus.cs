using System.Collections.Concurrent;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Tests.Policy;

/// <summary>
/// A bus that misbehaves on purpose, around the real simulator: sensors that read implausible or stale, calls that
/// throw, hang or are refused, actuators that stick, and change events that come late or twice.
/// </summary>
internal sealed class FaultyBus(IVehicleBus inner) : IVehicleBus
{
    /// <summary>Values the reads report instead of the car's (a NaN speed, a negative one…).</summary>
    public ConcurrentDictionary<string, SignalValue> Readings { get; } = new(StringComparer.Ordinal);

    /// <summary>How old the reads say a signal's value is.</summary>
    public ConcurrentDictionary<string, TimeSpan> Ages { get; } = new(StringComparer.Ordinal);

    /// <summary>Actuating these throws this exception.</summary>
    public ConcurrentDictionary<string, Exception> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Actuating these never returns (and ignores cancellation).</summary>
    public ConcurrentDictionary<string, bool> Hangs { get; } = new(StringComparer.Ordinal);

    /// <summary>These accept a target and never move.</summary>
    public ConcurrentDictionary<string, bool> Stuck { get; } = new(StringComparer.Ordinal);

    /// <summary>These stop part of the way: a number moves this fraction of the way to its target; anything else stays.</summary>
    public ConcurrentDictionary<string, double> Partial { get; } = new(StringComparer.Ordinal);

    /// <summary>Every change event arrives this late, when set.</summary>
    public TimeSpan? LateEventsBy { get; set; }

    /// <summary>Reading the whole state throws this, when set.</summary>
    public Exception? SnapshotFailure { get; set; }

    /// <summary>Every change event is delivered twice, the second after this delay.</summary>
    public TimeSpan? DuplicateEventsAfter { get; set; }

    public List<(string Signal, SignalValue Value)> Sent { get; } = [];

    public SignalCatalog Catalog => inner.Catalog;

    public async ValueTask<SignalValue> GetAsync(string path, CancellationToken cancellationToken = default) =>
        Readings.TryGetValue(path, out var value) ? value : await inner.GetAsync(path, cancellationToken);

    public async ValueTask<VehicleSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (SnapshotFailure is { } failure)
        {
            throw failure;
        }

        var real = await inner.GetSnapshotAsync(cancellationToken);
        var values = real.Paths.ToDictionary(p => p, p => Readings.TryGetValue(p, out var v) ? v : real[p], StringComparer.Ordinal);
        var updated = Ages.ToDictionary(a => a.Key, a => real.ReadAt - a.Value, StringComparer.Ordinal);
        return new VehicleSnapshot(values, real.ReadAt, updated);
    }

    public async ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add((path, target));
        }

        if (Failures.TryGetValue(path, out var failure))
        {
            throw failure;
        }

        if (Hangs.ContainsKey(path))
        {
            await new TaskCompletionSource().Task;
        }

        if (Partial.TryGetValue(path, out var fraction))
        {
            var start = await inner.GetAsync(path, cancellationToken);
            if (start.Kind == SignalValueKind.Number && target.Kind == SignalValueKind.Number)
            {
                var stop = Math.Round(start.AsNumber() + ((target.AsNumber() - start.AsNumber()) * fraction));
                await inner.ActuateAsync(path, SignalValue.FromNumber(stop), cancellationToken);
            }
        }
        else if (!Stuck.ContainsKey(path))
        {
            await inner.ActuateAsync(path, target, cancellationToken);
        }
    }

    public IDisposable Subscribe(Action<SignalChange> onChange) => inner.Subscribe(change =>
    {
        if (LateEventsBy is { } late)
        {
            _ = Task.Delay(late).ContinueWith(_ => onChange(change), TaskScheduler.Default);
        }
        else
        {
            onChange(change);
        }

        if (DuplicateEventsAfter is { } delay)
        {
            _ = Task.Delay(delay).ContinueWith(_ => onChange(change), TaskScheduler.Default);
        }
    });

    public IReadOnlyList<(string Signal, SignalValue Value)> SentTo(string path)
    {
        lock (Sent)
        {
            return [.. Sent.Where(s => s.Signal == path)];
        }
    }
}
