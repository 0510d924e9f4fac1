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

        var waiting = new ConcurrentDictionary<string, (SignalValue Target, TaskCompletionSource Reached)>(StringComparer.Ordinal);
        using var subscription = SubscribeOrNull(change =>
        {
            if (waiting.TryGetValue(change.Path, out var entry) && change.Value == entry.Target)
            {
                entry.Reached.TrySetResult();
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

                var entry = (action.Value, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                waiting[action.Signal] = entry;
                await CallAsync(async ct => { await _bus.ActuateAsync(action.Signal, action.Value, ct).ConfigureAwait(false); return true; }, cancellationToken)
                    .ConfigureAwait(false);
                if (await CallAsync(ct => _bus.GetAsync(action.Signal, ct), cancellationToken).ConfigureAwait(false) == action.Value)
                {
                    entry.Item2.TrySetResult();
                }
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
        var pending = actions.Select((a, i) => (a, i)).Where(p => !settled.ContainsKey(p.i) && waiting.ContainsKey(p.a.Signal))
            .Select(p => waiting[p.a.Signal].Reached.Task).ToList();
        try
        {
            await Task.WhenAll(pending).WaitAsync(_options.ConfirmationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var unconfirmed = pending.Count(t => !t.IsCompletedSuccessfully);
            Log.NotConfirmed(_logger, unconfirmed);
        }

        return [.. actions.Select((a, i) => Result(a, i, settled, waiting))];
    }

    /// <summary>Reads the whole vehicle state within the bus call timeout.</summary>
    public Task<VehicleSnapshot> ReadStateAsync(CancellationToken cancellationToken = default) =>
        CallAsync(ct => _bus.GetSnapshotAsync(ct), cancellationToken);

    private static ActionResult Result(
        PlannedAction action,
        int index,
        Dictionary<int, (ActionStatus Status, string Reason)> settled,
        ConcurrentDictionary<string, (SignalValue Target, TaskCompletionSource Reached)> waiting)
    {
        if (settled.TryGetValue(index, out var outcome))
        {
            return new ActionResult(action.Signal, action.Value, outcome.Status, outcome.Reason);
        }

        // A later target for the same signal replaces this one: only the last can be confirmed.
        var reached = waiting.TryGetValue(action.Signal, out var entry) && entry.Target == action.Value && entry.Reached.Task.IsCompletedSuccessfully;
        return new ActionResult(action.Signal, action.Value, reached ? ActionStatus.Confirmed : ActionStatus.NotReached);
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
