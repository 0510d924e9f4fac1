using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.VehicleBus.Can;

/// <summary>
/// The vehicle over CAN alone: reads return the last value the ECUs reported, actuation sends the command frame, and
/// subscribers hear each reported change. The current value of an actuator moves only when its ECU reports it, so
/// confirmation stays honest. A signal no frame has reported yet reads as its neutral value, published at the Unix
/// epoch (its <see cref="VehicleSnapshot.Age"/> says it was never heard). Reading starts at construction and ends
/// with the transport (<see cref="Completion"/>: a replay's end) or at disposal, which also disposes the transport.
/// </summary>
public sealed partial class CanVehicleBus : IVehicleBus, IAsyncDisposable
{
    private readonly CanProvider _provider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SignalValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _updatedAt = new(StringComparer.Ordinal);
    private readonly List<Action<SignalChange>> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private int _disposed;

    public CanVehicleBus(CanProvider provider, TimeProvider? timeProvider = null, ILogger<CanVehicleBus>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        foreach (var signal in Catalog.Signals)
        {
            _values[signal.Path] = SimulatorStartValues.Neutral(signal);
            _updatedAt[signal.Path] = DateTimeOffset.UnixEpoch;
        }

        Completion = Task.Run(() => PumpAsync(_stop.Token));
    }

    public SignalCatalog Catalog => _provider.Translator.Catalog;

    public CanProvider Provider => _provider;

    /// <summary>Completes when the transport has no more frames (a replayed log is done), or faults with the transport's error.</summary>
    public Task Completion { get; }

    public ValueTask<SignalValue> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Catalog.Get(path);
        lock (_gate)
        {
            return ValueTask.FromResult(_values[path]);
        }
    }

    public ValueTask<VehicleSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(new VehicleSnapshot(
                new Dictionary<string, SignalValue>(_values, StringComparer.Ordinal),
                _time.GetUtcNow(),
                new Dictionary<string, DateTimeOffset>(_updatedAt, StringComparer.Ordinal)));
        }
    }

    /// <exception cref="VehicleBusException">Unknown signal, a sensor, a value that does not fit, or an actuator with no command signal on CAN.</exception>
    public async ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default)
    {
        var signal = Catalog.Get(path);
        if (signal.Kind != SignalKind.Actuator)
        {
            throw new VehicleBusException(VehicleBusError.NotAnActuator, path, $"{path} is a sensor and cannot be set.");
        }

        await _provider.ActuateAsync(path, target, cancellationToken).ConfigureAwait(false);
        Log.Actuated(_logger, path, target);
    }

    public IDisposable Subscribe(Action<SignalChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The pump has logged a transport failure already; disposal goes on.
        }

        await _provider.Transport.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var reported in _provider.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Action<SignalChange>[] subscribers;
                lock (_gate)
                {
                    _updatedAt[reported.Path] = reported.Timestamp;
                    if (_values[reported.Path] == reported.Value)
                    {
                        continue;
                    }

                    _values[reported.Path] = reported.Value;
                    subscribers = [.. _subscribers];
                }

                foreach (var subscriber in subscribers)
                {
                    subscriber(reported);
                }
            }

            Log.TransportEnded(_logger, _provider.Transport.Name, _provider.FramesReceived, _provider.FramesWithValues);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException e)
        {
            Log.TransportFailed(_logger, e, _provider.Transport.Name);
            throw;
        }
    }

    private void Unsubscribe(Action<SignalChange> onChange)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChange);
        }
    }

    private sealed class Subscription(CanVehicleBus owner, Action<SignalChange> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onChange);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Sent the CAN command for {Path} = {Target}")]
        public static partial void Actuated(ILogger logger, string path, SignalValue target);

        [LoggerMessage(2, LogLevel.Information, "CAN transport {Transport} ended after {Frames} frames, {WithValues} with mapped signals")]
        public static partial void TransportEnded(ILogger logger, string transport, long frames, long withValues);

        [LoggerMessage(3, LogLevel.Error, "CAN transport {Transport} failed")]
        public static partial void TransportFailed(ILogger logger, Exception exception, string transport);
    }
}
