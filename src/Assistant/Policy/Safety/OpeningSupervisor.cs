using System.Threading.Channels;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Policy.Safety;

/// <summary>
/// Keeps the cabin inside the envelope as the situation changes: when the speed band, park or rain changes, windows
/// and sunroof wider than now allowed are brought back to the limit, and rain starting closes the sunroof. What it
/// did is announced, and sent through the same executor (so the envelope check at sending applies to it too).
/// </summary>
public sealed partial class OpeningSupervisor(
    IVehicleBus bus, SafetyEnvelope envelope, ActionExecutor executor, SafetyAnnouncements announcements, ILogger<OpeningSupervisor> logger)
    : BackgroundService
{
    private static readonly string[] Watched = [VssPaths.Speed, VssPaths.SelectedGear, VssPaths.RainIntensity];
    private readonly TaskCompletionSource _watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the supervisor has read the situation it compares later changes with.</summary>
    public Task Watching => _watching.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = bus.Subscribe(change =>
        {
            if (Watched.Contains(change.Path))
            {
                changed.Writer.TryWrite(true);
            }
        });
        DrivingSituation? last = null;
        try
        {
            last = await CheckAsync(last, stoppingToken).ConfigureAwait(false);
            _watching.TrySetResult();
            while (await changed.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                changed.Reader.TryRead(out _);
                last = await CheckAsync(last, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Compares the situation with the last one and corrects what the change made unsafe.</summary>
    private async Task<DrivingSituation?> CheckAsync(DrivingSituation? last, CancellationToken cancellationToken)
    {
        VehicleSnapshot snapshot;
        try
        {
            snapshot = await executor.ReadStateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Unreadable(logger, e.Message);
            return last;
        }

        var now = envelope.Read(snapshot);
        if (last is not null && envelope.IsHighSpeed(last) == envelope.IsHighSpeed(now) && last.Raining == now.Raining)
        {
            return now;
        }

        var corrections = envelope.Corrections(snapshot, now).ToList();
        var rainStarted = now.Raining && last is { Raining: false } && snapshot.Number(VssPaths.SunroofPosition) > 0;
        if (rainStarted)
        {
            corrections.RemoveAll(c => c.Signal == VssPaths.SunroofPosition);
            corrections.Add(PlannedAction.Number(VssPaths.SunroofPosition, 0));
        }

        if (corrections.Count == 0)
        {
            return now;
        }

        await executor.ExecuteAsync(corrections, cancellationToken).ConfigureAwait(false);
        var text = rainStarted && corrections.Count == 1
            ? "开始下雨了，已为您关闭天窗"
            : $"车速较快，已为您把车窗和天窗收到 {envelope.MaxOpeningAtHighSpeed}% 以内{(rainStarted ? "，并关闭了天窗" : string.Empty)}";
        Log.Corrected(logger, corrections.Count, text);
        announcements.Announce(text);
        return now;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Supervision corrected {Count} openings: {Text}")]
        public static partial void Corrected(ILogger logger, int count, string text);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Supervision could not read the car: {Reason}")]
        public static partial void Unreadable(ILogger logger, string reason);
    }
}
