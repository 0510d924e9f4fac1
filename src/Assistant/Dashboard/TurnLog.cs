using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Car.Assistant.Telemetry;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The dashboard's request log, read from the turns' own spans (<see cref="TurnTelemetry"/>): an
/// <see cref="ActivityListener"/> gathers each turn's stage spans and, when the turn's span ends, writes one entry
/// (text, reply, every stage with its duration and findings) and publishes it as a <c>turn</c> event. What the log
/// shows is what the traces export.
/// </summary>
public sealed class TurnLog : IDisposable
{
    private const int Kept = 50;
    private readonly ActivityListener _listener;
    private readonly DashboardEvents _events;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<Activity>> _stages = new();
    private readonly ConcurrentQueue<string> _recent = new();

    public TurnLog(DashboardEvents events)
    {
        _events = events;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TurnTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The last entries (oldest first), each a JSON object.</summary>
    public IReadOnlyList<string> Recent => [.. _recent];

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (activity.OperationName != TurnStages.Turn)
        {
            if (activity.Parent is not null)
            {
                _stages.GetOrAdd(activity.TraceId, _ => new ConcurrentQueue<Activity>()).Enqueue(activity);
            }

            return;
        }

        _stages.TryRemove(activity.TraceId, out var stages);
        var entry = Write(activity, stages?.OrderBy(s => s.StartTimeUtc) ?? Enumerable.Empty<Activity>());
        _recent.Enqueue(entry);
        while (_recent.Count > Kept && _recent.TryDequeue(out _))
        {
        }

        _events.Publish("turn", entry);
    }

    private static string Write(Activity turn, IEnumerable<Activity> stages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", turn.TraceId.ToHexString());
            writer.WriteString("at", turn.StartTimeUtc);
            writer.WriteString("text", turn.GetTagItem("car.text") as string ?? string.Empty);
            writer.WriteString("input", turn.GetTagItem("car.input") as string ?? "text");
            writer.WriteString("reply", turn.GetTagItem("car.reply") as string);
            writer.WriteString("ask", turn.GetTagItem("car.ask") as string);
            writer.WriteString("error", turn.Status == ActivityStatusCode.Error ? turn.StatusDescription : null);
            writer.WriteNumber("ms", Math.Round(turn.Duration.TotalMilliseconds, 1));
            writer.WriteStartArray("stages");
            foreach (var stage in stages)
            {
                writer.WriteStartObject();
                writer.WriteString("name", stage.OperationName);
                writer.WriteNumber("ms", Math.Round(stage.Duration.TotalMilliseconds, 1));
                writer.WriteString("error", stage.Status == ActivityStatusCode.Error ? stage.StatusDescription : null);
                writer.WriteStartObject("tags");
                foreach (var (key, value) in stage.TagObjects)
                {
                    if (value is null || value is string { Length: 0 })
                    {
                        continue;
                    }

                    var name = key.StartsWith("car.", StringComparison.Ordinal) ? key[(key.IndexOf('.', 4) + 1)..] : key;
                    switch (value)
                    {
                        case int or long or double or float:
                            writer.WriteNumber(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        default:
                            writer.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
