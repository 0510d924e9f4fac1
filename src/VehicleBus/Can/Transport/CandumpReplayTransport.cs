using System.Runtime.CompilerServices;
using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>
/// Plays a candump log as if its frames arrived from the bus, then ends. Lines that are not classic data frames are
/// counted in <see cref="SkippedLines"/> and passed over. Frames sent to it go nowhere (a log has no listeners); they
/// are counted in <see cref="SentFrames"/>.
/// </summary>
public sealed class CandumpReplayTransport : ICanTransport
{
    private readonly Func<TextReader> _open;
    private readonly CandumpReplayOptions _options;
    private readonly TimeProvider _time;
    private int _skipped;
    private int _sent;

    public CandumpReplayTransport(string path, CandumpReplayOptions? options = null, TimeProvider? timeProvider = null)
        : this(() => new StreamReader(path), path, options, timeProvider)
    {
    }

    /// <param name="open">Opens the log text each time <see cref="ReceiveAsync"/> starts.</param>
    public CandumpReplayTransport(Func<TextReader> open, string name, CandumpReplayOptions? options = null, TimeProvider? timeProvider = null)
    {
        _open = open;
        Name = name;
        _options = options ?? new CandumpReplayOptions();
        _time = timeProvider ?? TimeProvider.System;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Speed);
    }

    public string Name { get; }

    /// <summary>Lines passed over so far: malformed, remote or CAN FD frames, other interfaces. Blank lines and comments are not counted.</summary>
    public int SkippedLines => Volatile.Read(ref _skipped);

    public int SentFrames => Volatile.Read(ref _sent);

    public ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _sent);
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<CanFrame> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = _open();
        var startedAt = _time.GetTimestamp();
        decimal? firstTimestamp = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!CandumpLog.TryParse(line, out var record, out var reason))
            {
                if (reason != "blank or comment")
                {
                    Interlocked.Increment(ref _skipped);
                }

                continue;
            }

            if (!string.IsNullOrEmpty(_options.Interface) && record.Interface != _options.Interface)
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }

            if (_options.Speed > 0 && record.Timestamp is { } timestamp)
            {
                firstTimestamp ??= timestamp;
                var due = TimeSpan.FromSeconds((double)(timestamp - firstTimestamp.Value) / _options.Speed);
                var wait = due - _time.GetElapsedTime(startedAt);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            yield return record.Frame;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
