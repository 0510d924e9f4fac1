using Car.CloudSync.Events;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Hands what the driver did (trips, places offered and chosen) to the cloud's outbox. A failure to store an event
/// (a full disk) is logged and never fails the driver's request.
/// </summary>
public sealed partial class VehicleEventLog
{
    private readonly IVehicleEventReporter _reporter;
    private readonly ILogger<VehicleEventLog> _logger;

    public VehicleEventLog(IVehicleEventReporter reporter, ILogger<VehicleEventLog> logger)
    {
        _reporter = reporter;
        _logger = logger;
    }

    public async Task ReportAsync(ReportedEvent reportedEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _reporter.ReportAsync(reportedEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.NotStored(_logger, reportedEvent.GetType().Name, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The cloud event {Kind} could not be stored: {Reason}")]
        public static partial void NotStored(ILogger logger, string kind, string reason);
    }
}
