using Car.VehicleBus.Broker;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Client;

/// <summary>
/// <see cref="IVehicleBus"/> over a kuksa.val.v2 broker: reads with GetValue(s), actuates with Actuate, watches with
/// one Subscribe stream over every catalog signal the broker knows. Values travel in the broker's own datatype
/// (from ListMetadata). The subscription reconnects with backoff and resumes; while it is down, and when the broker
/// reports a signal without value (its provider went away), subscribers see the signal as not available.
/// </summary>
/// <remarks>
/// Actuate's OK only means "queued to the provider" (spec §5.5): the confirmation stays the current value, as the
/// assistant's executor watches it. Broker errors become <see cref="VehicleBusException"/>s: NOT_FOUND an unknown
/// signal, INVALID_ARGUMENT out of range, PERMISSION_DENIED/UNAUTHENTICATED no right, UNAVAILABLE no provider or no broker.
/// </remarks>
public sealed partial class KuksaVehicleBus : IVehicleBus, IDisposable
{
    private readonly KuksaConnection _connection;
    private readonly KuksaClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KuksaVehicleBus> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (SignalValue Value, bool Available)> _last = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Action<SignalChange>[] _subscribers = [];
    private IReadOnlyDictionary<string, Kuksa.Val.V2.Metadata>? _remote;
    private Task? _pump;
    private int _disposed;

    public KuksaVehicleBus(SignalCatalog catalog, IOptions<KuksaClientOptions> options, TimeProvider time, ILogger<KuksaVehicleBus> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Catalog = catalog;
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (!Uri.TryCreate(_options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(KuksaClientOptions),
                [$"{KuksaClientOptions.SectionName}:Url: '{_options.Url}' is not an http:// or https:// broker address."]);
        }

        _connection = KuksaConnection.Open(url, _options.TokenFile);
    }

    public SignalCatalog Catalog { get; }

    /// <summary>True while the subscription stream is up.</summary>
    public bool IsConnected { get; private set; }

    public async ValueTask<SignalValue> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        Catalog.Get(path);
        var response = await CallAsync(path, c => c.GetValueAsync(new GetValueRequest { SignalId = new SignalID { Path = path } }, Options(cancellationToken)).ResponseAsync)
            .ConfigureAwait(false);
        return KuksaValues.ToSignalValue(response.DataPoint?.Value)
            ?? throw new VehicleBusException(VehicleBusError.Unavailable, path, $"{path} has no value on the broker (no provider has published it).");
    }

    public async ValueTask<VehicleSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var remote = await RemoteAsync(cancellationToken).ConfigureAwait(false);
        var paths = Catalog.Signals.Where(s => !s.IsArray && remote.ContainsKey(s.Path)).Select(s => s.Path).ToList();
        var request = new GetValuesRequest();
        request.SignalIds.AddRange(paths.Select(p => new SignalID { Path = p }));
        var response = await CallAsync("snapshot", c => c.GetValuesAsync(request, Options(cancellationToken)).ResponseAsync).ConfigureAwait(false);
        var values = new Dictionary<string, SignalValue>(StringComparer.Ordinal);
        var updated = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count && i < response.DataPoints.Count; i++)
        {
            var datapoint = response.DataPoints[i];
            if (KuksaValues.ToSignalValue(datapoint.Value) is { } value)
            {
                values[paths[i]] = value;
                if (datapoint.Timestamp is { } at)
                {
                    updated[paths[i]] = at.ToDateTimeOffset();
                }
            }
        }

        return new VehicleSnapshot(values, _time.GetUtcNow(), updated);
    }

    public async ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default)
    {
        var signal = Catalog.Get(path);
        var remote = await RemoteAsync(cancellationToken).ConfigureAwait(false);
        var dataType = remote.TryGetValue(path, out var metadata) ? metadata.DataType : KuksaValues.WireType(signal);
        var request = new ActuateRequest { SignalId = new SignalID { Path = path }, Value = KuksaValues.FromSignalValue(path, dataType, target) };
        await CallAsync(path, c => c.ActuateAsync(request, Options(cancellationToken)).ResponseAsync).ConfigureAwait(false);
    }

    public IDisposable Subscribe(Action<SignalChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
            _pump ??= Task.Run(() => PumpAsync(_stopping.Token));
        }

        return new Subscription(this, onChange);
    }

    public void Dispose()
    {
        // DI may dispose it twice: as itself and as the IVehicleBus it is registered for.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        try
        {
            _pump?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The pump ends by cancellation.
        }

        _connection.Dispose();
        _stopping.Dispose();
    }

    private CallOptions Options(CancellationToken cancellationToken) => _connection.Options(cancellationToken, _options.CallTimeout);

    /// <summary>The broker's metadata by path, read once per connection.</summary>
    private async Task<IReadOnlyDictionary<string, Kuksa.Val.V2.Metadata>> RemoteAsync(CancellationToken cancellationToken)
    {
        if (_remote is { } known)
        {
            return known;
        }

        var response = await CallAsync("metadata", c => c.ListMetadataAsync(new ListMetadataRequest { Root = string.Empty }, Options(cancellationToken)).ResponseAsync)
            .ConfigureAwait(false);
        var remote = response.Metadata.GroupBy(m => m.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _remote = remote;
        return remote;
    }

    private async Task<T> CallAsync<T>(string path, Func<VAL.VALClient, Task<T>> call)
    {
        try
        {
            return await call(_connection.Client).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            if (e.StatusCode == StatusCode.Unavailable)
            {
                // Ids and datatypes are read again after the broker comes back (it may be another one).
                _remote = null;
            }

            throw Translate(e, path);
        }
    }

    private Exception Translate(RpcException e, string path) => e.StatusCode switch
    {
        StatusCode.NotFound => new VehicleBusException(VehicleBusError.UnknownSignal, path, e.Status.Detail),
        StatusCode.InvalidArgument => new VehicleBusException(VehicleBusError.OutOfRange, path, e.Status.Detail),
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => new VehicleBusException(VehicleBusError.PermissionDenied, path, e.Status.Detail),
        StatusCode.Unavailable when e.Status.DebugException is not null =>
            new VehicleBusException(VehicleBusError.Unavailable, path, $"The broker at {_connection.Url} cannot be reached ({e.Status.DebugException.Message})."),
        StatusCode.Unavailable => new VehicleBusException(VehicleBusError.Unavailable, path, e.Status.Detail),
        StatusCode.DeadlineExceeded => new TimeoutException($"The broker at {_connection.Url} did not answer within {_options.CallTimeout.TotalSeconds:0.###} s.", e),
        _ => new IOException($"The broker at {_connection.Url} failed: {e.Status.StatusCode} {e.Status.Detail}", e),
    };

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                _remote = null;
                var remote = await RemoteAsync(cancellationToken).ConfigureAwait(false);
                var request = new SubscribeRequest();
                request.SignalPaths.AddRange(Catalog.Signals.Where(s => !s.IsArray && remote.ContainsKey(s.Path)).Select(s => s.Path));
                using var call = _connection.Client.Subscribe(request, _connection.Options(cancellationToken));
                await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!IsConnected)
                    {
                        IsConnected = true;
                        delay = _options.ReconnectDelay;
                        Log.Subscribed(_logger, _connection.Url, request.SignalPaths.Count);
                    }

                    foreach (var (path, datapoint) in response.Entries)
                    {
                        Raise(path, datapoint);
                    }
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RpcException or VehicleBusException or IOException or TimeoutException)
            {
                Log.SubscriptionLost(_logger, _connection.Url, e.Message, delay.TotalSeconds);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (IsConnected)
            {
                IsConnected = false;
                MarkAllUnavailable();
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    /// <summary>Tells subscribers of a changed value, or of a signal that lost its value; repeats are not passed on.</summary>
    private void Raise(string path, Datapoint datapoint)
    {
        var value = KuksaValues.ToSignalValue(datapoint.Value);
        var at = datapoint.Timestamp?.ToDateTimeOffset() ?? _time.GetUtcNow();
        SignalChange change;
        lock (_gate)
        {
            var known = _last.TryGetValue(path, out var last);
            if (value is { } current)
            {
                if (known && last.Available && last.Value == current)
                {
                    return;
                }

                _last[path] = (current, true);
                change = new SignalChange(path, current, at);
            }
            else
            {
                if (!known || !last.Available)
                {
                    return;
                }

                _last[path] = (last.Value, false);
                change = new SignalChange(path, last.Value, at, IsAvailable: false);
            }
        }

        Deliver(change);
    }

    private void MarkAllUnavailable()
    {
        var now = _time.GetUtcNow();
        List<SignalChange> changes = [];
        lock (_gate)
        {
            foreach (var (path, last) in _last.Where(p => p.Value.Available).ToList())
            {
                _last[path] = (last.Value, false);
                changes.Add(new SignalChange(path, last.Value, now, IsAvailable: false));
            }
        }

        foreach (var change in changes)
        {
            Deliver(change);
        }
    }

    private void Deliver(SignalChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(change);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.SubscriberFailed(_logger, change.Path, e.Message);
            }
        }
    }

    private void Unsubscribe(Action<SignalChange> onChange)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != onChange)];
        }
    }

    private sealed class Subscription(KuksaVehicleBus owner, Action<SignalChange> onChange) : IDisposable
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
        [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to {Count} signals on {Broker}")]
        public static partial void Subscribed(ILogger logger, Uri broker, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the subscription to {Broker} ({Reason}); retrying in {Seconds} s")]
        public static partial void SubscriptionLost(ILogger logger, Uri broker, string reason, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed on {Signal}: {Reason}")]
        public static partial void SubscriberFailed(ILogger logger, string signal, string reason);
    }
}
