using System.Runtime.CompilerServices;
using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>
/// Passes everything through to another transport and writes every frame received and sent, in candump's log format,
/// so that <c>canplayer</c> or <see cref="CandumpReplayTransport"/> can play the session again.
/// </summary>
public sealed class RecordingCanTransport : ICanTransport
{
    private readonly ICanTransport _inner;
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private readonly string _interfaceName;
    private readonly Lock _gate = new();
    private readonly bool _leaveOpen;
    private int _disposed;

    /// <param name="interfaceName">The interface written in each line; by default the inner transport's name.</param>
    /// <param name="leaveOpen">False to dispose <paramref name="log"/> with this transport.</param>
    public RecordingCanTransport(
        ICanTransport inner, TextWriter log, TimeProvider? timeProvider = null, string? interfaceName = null, bool leaveOpen = true)
    {
        _leaveOpen = leaveOpen;
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _log = log;
        _time = timeProvider ?? TimeProvider.System;
        _interfaceName = interfaceName ?? inner.Name;
    }

    public string Name => _inner.Name;

    public async ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default)
    {
        await _inner.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        Write(frame);
    }

    public async IAsyncEnumerable<CanFrame> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in _inner.ReceiveAsync(cancellationToken).ConfigureAwait(false))
        {
            Write(frame);
            yield return frame;
        }
    }

    /// <summary>Flushes the log (disposing it unless left open) and disposes the inner transport.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _log.Flush();
            if (!_leaveOpen)
            {
                _log.Dispose();
            }
        }

        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    private void Write(CanFrame frame)
    {
        var line = CandumpLog.Format(frame, _time.GetUtcNow(), _interfaceName);
        lock (_gate)
        {
            _log.WriteLine(line);
        }
    }
}
