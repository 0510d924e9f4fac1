using System.Text.Json;
using System.Text;
using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Dialogue;

/// <summary>Writes a <see cref="TurnReport"/> as the one-line JSON object of the contract.</summary>
public static class TurnReportJson
{
    public static string Write(TurnReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, IntentJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("text", report.Text);
            writer.WriteString("engine", report.Engine);
            writer.WritePropertyName("intents");
            IntentJson.WriteIntents(writer, report.Intents);
            writer.WriteStartArray("actions");
            foreach (var action in report.Actions)
            {
                writer.WriteStartObject();
                writer.WriteString("signal", action.Signal);
                writer.WritePropertyName("value");
                WriteValue(writer, action.Value);
                writer.WriteBoolean("confirmed", action.Confirmed);
                if (!action.Confirmed)
                {
                    // What became of it, beyond the contract's "confirmed": partly_done, not_done, not_reached, rejected, blocked, failed.
                    writer.WriteString("outcome", OutcomeName(action.Status));
                }

                if (action.Error is not null)
                {
                    writer.WriteString("error", action.Error);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("refused");
            foreach (var refusal in report.Refused)
            {
                writer.WriteStartObject();
                writer.WriteString("intent", refusal.Intent);
                writer.WriteString("reason", refusal.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (report.Ask is null)
            {
                writer.WriteNull("ask");
            }
            else
            {
                writer.WriteString("ask", report.Ask);
            }

            writer.WriteString("reply", report.Reply);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string OutcomeName(Car.Assistant.Policy.ActionStatus status) => status switch
    {
        Car.Assistant.Policy.ActionStatus.PartlyDone => "partly_done",
        Car.Assistant.Policy.ActionStatus.NotDone => "not_done",
        Car.Assistant.Policy.ActionStatus.NotReached => "not_reached",
        Car.Assistant.Policy.ActionStatus.Rejected => "rejected",
        Car.Assistant.Policy.ActionStatus.Blocked => "blocked",
        Car.Assistant.Policy.ActionStatus.Failed => "failed",
        _ => "done",
    };

    public static void WriteValue(Utf8JsonWriter writer, SignalValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case SignalValueKind.Number:
                writer.WriteNumberValue(value.AsNumber());
                break;
            case SignalValueKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            default:
                writer.WriteStringValue(value.AsString());
                break;
        }
    }
}
