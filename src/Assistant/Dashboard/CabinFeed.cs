using System.Text;
using System.Text.Json;
using Car.Assistant.Dialogue;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The cabin as the dashboard draws it: the current values of <see cref="CabinSignals"/> as one JSON object
/// (<c>GET /api/state</c>), and a <c>state</c> event whenever one of them changed, at most every
/// <see cref="Interval"/> (a moving window changes every simulator tick).
/// </summary>
public sealed class CabinFeed(IVehicleBus bus, DashboardEvents events, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private int _changed = 1;

    /// <summary>The shown signals' current values, by VSS path.</summary>
    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await bus.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var path in CabinSignals.Paths.Where(p => bus.Catalog.TryGet(p, out _)))
            {
                writer.WritePropertyName(path);
                TurnReportJson.WriteValue(writer, snapshot[path]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shown = new HashSet<string>(CabinSignals.Paths, StringComparer.Ordinal);
        using var subscription = bus.Subscribe(change =>
        {
            if (shown.Contains(change.Path))
            {
                Volatile.Write(ref _changed, 1);
            }
        });
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (events.Readers > 0 && Interlocked.Exchange(ref _changed, 0) == 1)
                {
                    events.Publish("state", await ReadAsync(stoppingToken).ConfigureAwait(false));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
