using System.Diagnostics;

namespace Car.Assistant.Telemetry;

/// <summary>
/// One stage of a turn while it runs: its span (when anyone listens) and, when disposed, its duration in the
/// stage histogram. The duration recorded is the span's own, so traces, metrics and the dashboard agree.
/// </summary>
public sealed class StageSpan : IDisposable
{
    private readonly Activity? _activity;
    private readonly Action<string, TimeSpan> _record;
    private readonly string _stage;
    private readonly long _started = Stopwatch.GetTimestamp();

    internal StageSpan(Activity? activity, string stage, Action<string, TimeSpan> record)
    {
        _activity = activity;
        _stage = stage;
        _record = record;
    }

    /// <summary>Adds what the stage found (engine, confidence, decision, …) to its span; nothing for null or empty text.</summary>
    public StageSpan Tag(string key, object? value)
    {
        if (value is not (null or string { Length: 0 }))
        {
            _activity?.SetTag(key, value);
        }

        return this;
    }

    /// <summary>Marks the stage failed with the reason the user is told.</summary>
    public void Fail(string reason)
    {
        _activity?.SetStatus(ActivityStatusCode.Error, reason);
    }

    public void Dispose()
    {
        if (_activity is null)
        {
            _record(_stage, Stopwatch.GetElapsedTime(_started));
            return;
        }

        _activity.Stop();
        _record(_stage, _activity.Duration);
        _activity.Dispose();
    }
}
