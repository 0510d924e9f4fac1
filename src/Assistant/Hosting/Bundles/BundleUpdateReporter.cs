using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Car.CloudSync.Connection;
using Car.CloudSync.Events;
using Car.Ota.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// Hands each new line of the bundle store's install log (installs, rollbacks, failed health checks, crash loops, by
/// this process or by <c>car models install</c>) to the cloud's outbox, so the fleet sees every update. A line's
/// idempotency key is the hash of the line: handed over twice (a crash between the outbox and the store's count of
/// reported lines), it is still stored once by the server. With no cloud configured nothing is marked as reported,
/// so a cloud configured later still gets the whole log.
/// </summary>
internal sealed partial class BundleUpdateReporter(
    BundleStore store, IVehicleEventReporter reporter, IOptions<CloudOptions> cloud, ILogger<BundleUpdateReporter> logger) : BackgroundService
{
    /// <summary>How often the log is read when no change was seen (a watcher can miss changes on some file systems).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cloud.Value.Endpoint is null)
        {
            return;
        }

        using var changed = new SemaphoreSlim(0);
        Directory.CreateDirectory(store.Root);
        using var watcher = new FileSystemWatcher(store.Root, BundleStore.RecordsFileName)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Wake(object? sender, FileSystemEventArgs e)
        {
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }

        watcher.Changed += Wake;
        watcher.Created += Wake;
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReportNewRecordsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.Unreadable(logger, store.Root, e.Message);
            }

            try
            {
                await changed.WaitAsync(Poll, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Hands the records not yet reported to the outbox; returns how many.</summary>
    internal async Task<int> ReportNewRecordsAsync(CancellationToken cancellationToken)
    {
        var records = await store.ReadRecordsAsync(cancellationToken).ConfigureAwait(false);
        var reported = await store.ReadReportedCountAsync(cancellationToken).ConfigureAwait(false);
        if (reported > records.Count)
        {
            // The log was replaced (a store restored from elsewhere): report it all again; the keys keep it once.
            reported = 0;
        }

        for (var i = reported; i < records.Count; i++)
        {
            var r = records[i];
            await reporter.ReportAsync(
                new BundleUpdateEvent(KeyOf(r), r.Time, r.Action, r.Bundle, r.FromVersion, r.ToVersion, r.Slot, r.Result, r.Message),
                cancellationToken).ConfigureAwait(false);
        }

        if (records.Count != reported)
        {
            await store.WriteReportedCountAsync(records.Count, cancellationToken).ConfigureAwait(false);
            Log.Reported(logger, records.Count - reported);
        }

        return records.Count - reported;
    }

    private static string KeyOf(InstallRecord record)
    {
        var line = Encoding.UTF8.GetBytes(string.Join('\n', record.Time.ToString("O", CultureInfo.InvariantCulture), record.Action, record.Bundle,
            record.FromVersion.ToString(CultureInfo.InvariantCulture), record.ToVersion.ToString(CultureInfo.InvariantCulture), record.Slot, record.Result,
            record.Message));
        return "bundle-update-" + Convert.ToHexStringLower(SHA256.HashData(line))[..32];
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} bundle update record(s) queued for the cloud.")]
        public static partial void Reported(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The bundle store's install log in {Store} could not be read for the cloud: {Reason}")]
        public static partial void Unreadable(ILogger logger, string store, string reason);
    }
}
