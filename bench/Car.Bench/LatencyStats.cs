using System.Diagnostics;

namespace Car.Bench;

/// <summary>Per-call latencies of one measured stage and the figures the table prints.</summary>
internal sealed class LatencyStats(string stage)
{
    private readonly List<long> _ticks = [];

    public string Stage { get; } = stage;

    public void Add(long elapsedTicks) => _ticks.Add(elapsedTicks);

    public int Count => _ticks.Count;

    public double Percentile(double p)
    {
        var sorted = _ticks.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return Microseconds(sorted[Math.Clamp(index, 0, sorted.Count - 1)]);
    }

    public double Mean => Microseconds((long)_ticks.Average());

    public double Min => Microseconds(_ticks.Min());

    public double Max => Microseconds(_ticks.Max());

    public double PerSecond => _ticks.Count / (_ticks.Sum() / (double)Stopwatch.Frequency);

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
