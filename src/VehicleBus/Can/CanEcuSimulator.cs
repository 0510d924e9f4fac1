using System.Threading.Channels;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.VehicleBus.Can;

/// <summary>
/// The simulated car's ECUs on a CAN bus, the other end of <see cref="CanVehicleBus"/>: the head unit's command frames
/// become actuations of the car behind them (the <c>VehicleSimulator</c>), and the car's state goes out in status
/// frames at once on each change and every <c>cycle</c>. Replaying a log of command frames into it drives the
/// simulated cabin. <see cref="Completion"/> ends with the transport's frames (a replay's end).
/// </summary>
public sealed partial class CanEcuSimulator : IAsyncDisposable
{
    private readonly CanTranslator _translator;
    private readonly IVehicleBus _car;
    private readonly ICanTransport _transport;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SignalValue> _current = new(StringComparer.Ordinal);
    private readonly Channel<bool> _sendNow = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _subscription;
    private readonly ITimer _cycle;
    private readonly Task _sender;
    private int _disposed;

    /// <param name="cycle">How often every status frame is sent even without a change; 100 ms by default.</param>
    public CanEcuSimulator(
        CanTranslator translator, IVehicleBus car, ICanTransport transport, TimeProvider? timeProvider = null, TimeSpan? cycle = null,
        ILogger<CanEcuSimulator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(car);
        ArgumentNullException.ThrowIfNull(transport);
        _translator = translator;
        _car = car;
        _transport = transport;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        _subscription = car.Subscribe(change =>
        {
            lock (_gate)
            {
                _current[change.Path] = change.Value;
            }

            _sendNow.Writer.TryWrite(true);
        });
        var period = cycle ?? TimeSpan.FromMilliseconds(100);
        _cycle = time.CreateTimer(_ => _sendNow.Writer.TryWrite(true), null, period, period);
        _sender = Task.Run(() => SendLoopAsync(_stop.Token));
        Completion = Task.Run(() => ReceiveLoopAsync(_stop.Token));
        _sendNow.Writer.TryWrite(true);
    }

    /// <summary>Completes when the transport has no more frames, or faults with the transport's error.</summary>
    public Task Completion { get; }

    /// <summary>Command frames that requested at least one target.</summary>
    public int CommandsReceived { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _subscription.Dispose();
        await _cycle.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _sendNow.Writer.TryComplete();
        await Task.WhenAll(_sender, Completion).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var targets = new List<KeyValuePair<string, SignalValue>>();
        try
        {
            await foreach (var frame in _transport.ReceiveAsync(cancellationToken).ConfigureAwait(false))
            {
                targets.Clear();
                if (_translator.DecodeTargets(frame, targets) == 0)
                {
                    continue;
                }

                CommandsReceived++;
                foreach (var (path, target) in targets)
                {
                    try
                    {
                        await _car.ActuateAsync(path, target, cancellationToken).ConfigureAwait(false);
                    }
                    catch (VehicleBusException e)
                    {
                        Log.CommandRefused(_logger, path, target, e.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _car.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var path in _translator.MappedPaths)
                {
                    // A change heard since subscribing is newer than the snapshot.
                    _current.TryAdd(path, snapshot[path]);
                }
            }

            while (await _sendNow.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _sendNow.Reader.TryRead(out _);
                IReadOnlyList<CanFrame> frames;
                lock (_gate)
                {
                    frames = _translator.EncodeStatus(path => _current.TryGetValue(path, out var value) ? value : null);
                }

                foreach (var frame in frames)
                {
                    await _transport.SendAsync(frame, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException e)
        {
            Log.SendFailed(_logger, e, _transport.Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The simulated ECU refused {Path} = {Target}: {Reason}")]
        public static partial void CommandRefused(ILogger logger, string path, SignalValue target, string reason);

        [LoggerMessage(2, LogLevel.Error, "The simulated ECU cannot send on {Transport}")]
        public static partial void SendFailed(ILogger logger, Exception exception, string transport);
    }
}
