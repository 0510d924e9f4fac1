using System.Collections.Concurrent;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Policy;

/// <summary>
/// Sends planned targets to the bus in order and waits until each signal's current value reaches its target
/// (windows travel for seconds) or the confirmation timeout passes. A target the bus rejects is reported with
/// the bus's reason; the others still go out.
/// </summary>
public sealed partial class ActionExecutor
{
    private readonly IVehicleBus _bus;
    private readonly TimeProvider _time;
    private readonly ActionExecutorOptions _options;
    private readonly ILogger<ActionExecutor> _logger;

    public ActionExecutor(IVehicleBus bus, TimeProvider time, IOptions<ActionExecutorOptions> options, ILogger<ActionExecutor> logger)
    {
        _bus = bus;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<IReadOnlyList<ActionResult>> ExecuteAsync(
        IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken = default)
    {
        if (actions.Count == 0)
        {
            return [];
        }

        var waiting = new ConcurrentDictionary<string, (SignalValue Target, TaskCompletionSource Reached)>(StringComparer.Ordinal);
        using var subscription = _bus.Subscribe(change =>
        {
            if (waiting.TryGetValue(change.Path, out var entry) && change.Value == entry.Target)
            {
                entry.Reached.TrySetResult();
            }
        });

        var errors = new Dictionary<int, string>();
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entry = (action.Value, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            waiting[action.Signal] = entry;
            try
            {
                await _bus.ActuateAsync(action.Signal, action.Value, cancellationToken).ConfigureAwait(false);
                if (await _bus.GetAsync(action.Signal, cancellationToken).ConfigureAwait(false) == action.Value)
                {
                    entry.Item2.TrySetResult();
                }
            }
            catch (VehicleBusException e)
            {
                Log.Rejected(_logger, action.Signal, e.Message);
                errors[i] = e.Message;
                entry.Item2.TrySetResult();
            }
        }

        var all = Task.WhenAll(waiting.Values.Select(w => w.Reached.Task));
        try
        {
            await all.WaitAsync(_options.ConfirmationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var unconfirmed = waiting.Count(w => !w.Value.Reached.Task.IsCompletedSuccessfully);
            Log.NotConfirmed(_logger, unconfirmed);
        }

        return
        [
            .. actions.Select((a, i) => new ActionResult(
                a.Signal,
                a.Value,
                !errors.ContainsKey(i) && waiting[a.Signal].Target == a.Value && waiting[a.Signal].Reached.Task.IsCompletedSuccessfully,
                errors.GetValueOrDefault(i))),
        ];
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The bus rejected {Signal}: {Reason}")]
        public static partial void Rejected(ILogger logger, string signal, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Count} actions did not reach their target in time")]
        public static partial void NotConfirmed(ILogger logger, int count);
    }
}
