using Car.CloudSync.Connection;
using Car.CloudSync.Contract.V1;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Car.CloudSync.Events;

/// <summary>
/// Sends the outbox to the cloud for as long as the car runs: batches through <c>ReportEvents</c>, forgetting exactly
/// the keys the server acknowledged (accepted or duplicate), waking as soon as an event is queued, and backing off with
/// jitter while the server cannot be reached. A batch whose answer was lost is sent again; the server's idempotency keys
/// make that harmless.
/// </summary>
internal sealed partial class OutboxDelivery : BackgroundService
{
    private readonly Outbox? _outbox;
    private readonly CloudConnection? _connection;
    private readonly CloudOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>The delivery of a car with a cloud; with no outbox or connection (no cloud configured) it does nothing.</summary>
    public OutboxDelivery(Outbox? outbox, CloudConnection? connection, CloudOptions options, TimeProvider timeProvider, ILogger<OutboxDelivery> logger)
    {
        _outbox = outbox;
        _connection = connection;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_outbox is null || _connection is null)
        {
            return;
        }

        var backoff = _options.DeliveryInitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverBatchAsync(_outbox, _connection, stoppingToken).ConfigureAwait(false))
                {
                    backoff = _options.DeliveryInitialBackoff;
                    continue;
                }

                await _outbox.WaitForEventsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop outlives every failure (server down, disk full for a moment): it logs and waits.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var wait = backoff * (0.5 + Random.Shared.NextDouble());
                Log.DeliveryFailed(_logger, wait.TotalMilliseconds, exception.Message);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.DeliveryMaxBackoff.Ticks));
                try
                {
                    await Task.Delay(wait, _timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Sends the oldest batch; false when the outbox is empty.</summary>
    private async Task<bool> DeliverBatchAsync(Outbox outbox, CloudConnection connection, CancellationToken cancellationToken)
    {
        var batch = outbox.Peek(_options.OutboxBatchSize);
        if (batch.Count == 0)
        {
            return false;
        }

        var request = new ReportEventsRequest { VehicleId = connection.VehicleId };
        var unreadable = new List<string>();
        foreach (var queued in batch)
        {
            try
            {
                request.Events.Add(VehicleEvent.Parser.ParseFrom(queued.Payload));
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
                unreadable.Add(queued.IdempotencyKey);
            }
        }

        if (unreadable.Count > 0)
        {
            Log.Unreadable(_logger, unreadable.Count);
            outbox.Remove(unreadable);
        }

        if (request.Events.Count == 0)
        {
            return true;
        }

        var deadline = DateTime.UtcNow + _options.DeliveryDeadline;
        var reply = await connection.Events.ReportEventsAsync(request, connection.CallOptions(deadline, cancellationToken))
            .ResponseAsync.ConfigureAwait(false);
        var sent = request.Events.Select(e => e.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        var acknowledged = reply.AcceptedKeys.Concat(reply.DuplicateKeys).Where(sent.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (acknowledged.Count == 0)
        {
            throw new InvalidOperationException($"The server acknowledged none of {sent.Count} events.");
        }

        outbox.Remove(acknowledged);
        Log.Delivered(_logger, reply.AcceptedKeys.Count, reply.DuplicateKeys.Count, sent.Count);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Delivered events: {Accepted} accepted, {Duplicate} already stored, of {Sent} sent")]
        public static partial void Delivered(ILogger logger, int accepted, int duplicate, int sent);

        [LoggerMessage(2, LogLevel.Warning, "Event delivery failed; trying again in {WaitMs:0} ms: {Problem}")]
        public static partial void DeliveryFailed(ILogger logger, double waitMs, string problem);

        [LoggerMessage(3, LogLevel.Error, "Dropped {Count} outbox events that could not be read")]
        public static partial void Unreadable(ILogger logger, int count);
    }
}
