using System.Text.Encodings.Web;
using System.Text.Json;

namespace Car.Language;

/// <summary>Writes intents exactly as the contract shows them (numbers as JSON numbers, Chinese unescaped).</summary>
public static class IntentJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The <c>car parse</c> line: {"text":…,"intents":[…]} (plus "error" when the input was rejected).</summary>
    public static string ParseLine(ParsedUtterance result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("text", result.Text);
            writer.WritePropertyName("intents");
            WriteIntents(writer, result.Intents);
            if (result.Error is not null)
            {
                writer.WriteString("error", result.Error);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteIntents(Utf8JsonWriter writer, IEnumerable<Intent> intents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(intents);
        writer.WriteStartArray();
        foreach (var intent in intents)
        {
            WriteIntent(writer, intent);
        }

        writer.WriteEndArray();
    }

    public static void WriteIntent(Utf8JsonWriter writer, Intent intent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(intent);
        writer.WriteStartObject();
        writer.WriteString("intent", intent.Name);
        writer.WriteStartObject("slots");
        foreach (var (name, value) in intent.Slots)
        {
            writer.WritePropertyName(name);
            WriteSlot(writer, value);
        }

        writer.WriteEndObject();
        if (intent.Confidence < 1.0)
        {
            writer.WriteNumber("confidence", Math.Round(intent.Confidence, 2));
        }

        writer.WriteEndObject();
    }

    public static void WriteSlot(Utf8JsonWriter writer, SlotValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Flag is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
