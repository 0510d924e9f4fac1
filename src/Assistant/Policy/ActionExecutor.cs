using System.Collections.Concurrent;
using Car.Assistant.Policy.Safety;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Policy;

/// <summary>
/// Sends planned targets to the bus in order and waits until each signal's current value reaches its target
/// (windows travel for seconds) or the confirmation timeout passes. Each target is checked against the safety
/// envelope on the state read just before it is sent; every bus call has a timeout, and a bus that throws,
/// hangs or refuses gives a result that says so instead of an exception. The others still go out.
/// </summary>
public sealed partial class ActionExecutor
{
    private readonly IVehicleBus _bus;
    private readonly SafetyEnvelope _envelope;
    private readonly TimeProvider _time;
    private readonly ActionExecutorOptions _options;
    private readonly ILogger<ActionExecutor> _logger;

    public ActionExecutor(
        IVehicleBus bus, SafetyEnvelope envelope, TimeProvider time, IOptions<ActionExecutorOptions> options, ILogger<ActionExecutor> logger)
    {
        _bus = bus;
        _envelope = envelope;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public Task<IReadOnlyList<ActionResult>> ExecuteAsync(
        IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actions, accepted: null, cancellationToken);

    /// <summary>
    /// Sends the targets and waits for their confirmation; <paramref name="accepted"/> hears, once every target has
    /// been sent and before the wait, how many the bus accepted (neither blocked, refused nor failed).
    /// </summary>
    public async Task<IReadOnlyList<ActionResult>> ExecuteAsync(
        IReadOnlyList<PlannedAction> actions, Action<int>? accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return [];
        }

        var waiting = new ConcurrentDictionary<string, Watch>(StringComparer.Ordinal);
        using var subscription = SubscribeOrNull(change =>
        {
            if (waiting.TryGetValue(change.Path, out var watch))
            {
                watch.Seen(change, _time.GetUtcNow());
            }
        });

        var settled = new Dictionary<int, (ActionStatus Status, string Reason)>();
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            try
            {
                var snapshot = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
                if (_envelope.Violation(action, _envelope.Read(snapshot)) is { } violation)
                {
                    Log.Blocked(_logger, action.Signal, violation);
                    settled[i] = (ActionStatus.Blocked, violation);
                    continue;
                }

                var watch = new Watch(action.Value, Before(snapshot, action.Signal), _time.GetUtcNow(), _options.ConfirmationTimeoutFor(action.Signal));
                waiting[action.Signal] = watch;
                await CallAsync(async ct => { await _bus.ActuateAsync(action.Signal, action.Value, ct).ConfigureAwait(false); return true; }, cancellationToken)
                    .ConfigureAwait(false);
                if (await CallAsync(ct => _bus.GetAsync(action.Signal, ct), cancellationToken).ConfigureAwait(false) == action.Value)
                {
                    watch.Seen(new SignalChange(action.Signal, action.Value, _time.GetUtcNow()), _time.GetUtcNow());
                }
            }
            catch (VehicleBusException e) when (e.Error == VehicleBusError.Unavailable)
            {
                // Nobody can carry it out: no provider owns the actuator, or the broker is out of reach.
                Log.Failed(_logger, action.Signal, e.Message);
                settled[i] = (ActionStatus.NotDone, $"{ActuatorWords.Name(action.Signal)}的控制器没有连接，操作没有完成");
            }
            catch (VehicleBusException e)
            {
                Log.Rejected(_logger, action.Signal, e.Message);
                settled[i] = (ActionStatus.Rejected, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.Failed(_logger, action.Signal, e.Message);
                settled[i] = (ActionStatus.Failed, e is TimeoutException ? "车辆没有及时响应" : "车辆总线出错");
            }
        }

        accepted?.Invoke(actions.Count - settled.Count);
        // Each signal waits its own confirmation timeout, counted from when its target was sent.
        var pending = actions.Select((a, i) => (a, i)).Where(p => !settled.ContainsKey(p.i) && waiting.ContainsKey(p.a.Signal))
            .Select(p => waiting[p.a.Signal]).Distinct().ToList();
        await Task.WhenAll(pending.Select(w => WaitAsync(w, cancellationToken))).ConfigureAwait(false);
        var unconfirmed = pending.Count(w => !w.Reached);
        if (unconfirmed > 0)
        {
            Log.NotConfirmed(_logger, unconfirmed);
        }

        return [.. actions.Select((a, i) => Result(a, i, settled, waiting))];
    }

    /// <summary>Reads the whole vehicle state within the bus call timeout.</summary>
    public Task<VehicleSnapshot> ReadStateAsync(CancellationToken cancellationToken = default) =>
        CallAsync(ct => _bus.GetSnapshotAsync(ct), cancellationToken);

    private static SignalValue? Before(VehicleSnapshot snapshot, string signal)
    {
        try
        {
            return snapshot[signal];
        }
        catch (VehicleBusException)
        {
            return null;
        }
    }

    private async Task WaitAsync(Watch watch, CancellationToken cancellationToken)
    {
        var left = watch.Timeout - (_time.GetUtcNow() - watch.SentAt);
        try
        {
            await watch.Settled.Task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Judged in Result from where the part stands.
        }
    }

    private ActionResult Result(
        PlannedAction action,
        int index,
        Dictionary<int, (ActionStatus Status, string Reason)> settled,
        ConcurrentDictionary<string, Watch> waiting)
    {
        if (settled.TryGetValue(index, out var outcome))
        {
            return new ActionResult(action.Signal, action.Value, outcome.Status, outcome.Reason);
        }

        // A later target for the same signal replaces this one: only the last can be confirmed.
        if (!waiting.TryGetValue(action.Signal, out var watch) || watch.Target != action.Value)
        {
            return new ActionResult(action.Signal, action.Value, ActionStatus.NotReached);
        }

        if (watch.Reached)
        {
            return new ActionResult(action.Signal, action.Value, ActionStatus.Confirmed);
        }

        if (watch.Lost)
        {
            return new ActionResult(action.Signal, action.Value, ActionStatus.NotDone, $"{ActuatorWords.Name(action.Signal)}的控制器断开了连接，操作没有完成");
        }

        var (status, reason) = ActuatorWords.Judge(action.Signal, watch.Start, watch.Last, action.Value, _time.GetUtcNow() - watch.LastChange < _options.StallTime);
        return new ActionResult(action.Signal, action.Value, status, reason);
    }

    /// <summary>One bus call within <see cref="ActionExecutorOptions.BusCallTimeout"/>, even when the bus ignores its token.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.BusCallTimeout);
        try
        {
            return await call(limit.Token).AsTask().WaitAsync(_options.BusCallTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The bus did not answer within {_options.BusCallTimeout.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>Subscribes to the bus's changes; a bus that cannot subscribe gives null (and one log line) instead of an exception.</summary>
    public IDisposable? SubscribeOrNull(Action<SignalChange> onChange)
    {
        try
        {
            return _bus.Subscribe(onChange);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without change events the targets are still sent; only one read back at its target at once is confirmed.
            Log.Failed(_logger, "subscribe", e.Message);
            return null;
        }
    }

    /// <summary>One target being confirmed: where the part started, where it was last seen, and whether its source went away.</summary>
    private sealed class Watch(SignalValue target, SignalValue? start, DateTimeOffset sentAt, TimeSpan timeout)
    {
        private readonly Lock _gate = new();

        public SignalValue Target { get; } = target;

        public SignalValue? Start { get; } = start;

        public DateTimeOffset SentAt { get; } = sentAt;

        public TimeSpan Timeout { get; } = timeout;

        public TaskCompletionSource Settled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Reached { get; private set; }

        public bool Lost { get; private set; }

        public SignalValue? Last { get; private set; } = start;

        /// <summary>When the value last changed (or the target was sent).</summary>
        public DateTimeOffset LastChange { get; private set; } = sentAt;

        public void Seen(SignalChange change, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (!change.IsAvailable)
                {
                    Lost = !Reached;
                    Settled.TrySetResult();
                    return;
                }

                if (Last != change.Value)
                {
                    Last = change.Value;
                    LastChange = now;
                }

                if (change.Value == Target && !Lost)
                {
                    Reached = true;
                    Settled.TrySetResult();
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The bus rejected {Signal}: {Reason}")]
        public static partial void Rejected(ILogger logger, string signal, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Not sent, outside the safety envelope now: {Signal}: {Reason}")]
        public static partial void Blocked(ILogger logger, string signal, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The bus failed on {Signal}: {Reason}")]
        public static partial void Failed(ILogger logger, string signal, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Count} actions did not reach their target in time")]
        public static partial void NotConfirmed(ILogger logger, int count);
    }
}
