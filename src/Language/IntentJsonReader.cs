using System.Text.Json;
using Car.Language.Model;

namespace Car.Language;

/// <summary>Reads a JSON intent list (a model's answer) and keeps only what the schema allows.</summary>
public static class IntentJsonReader
{
    /// <summary>The intents, or null when the text is not a complete JSON list.</summary>
    public static IReadOnlyList<Intent>? Read(string json, IntentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var intents = new List<Intent>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("intent", out var name)
                    || !schema.TryGet(name.GetString() ?? string.Empty, out var definition))
                {
                    continue;
                }

                var slots = new List<KeyValuePair<string, SlotValue>>();
                if (item.TryGetProperty("slots", out var given) && given.ValueKind == JsonValueKind.Object)
                {
                    foreach (var slot in definition.Slots)
                    {
                        if (given.TryGetProperty(slot.Name, out var value) && Convert(slot, value) is { } converted)
                        {
                            slots.Add(new(slot.Name, converted));
                        }
                    }
                }

                if (definition.Slots.Where(s => !s.Optional).All(s => slots.Exists(x => x.Key == s.Name)))
                {
                    intents.Add(new Intent(definition.Name, slots));
                }
            }

            return intents;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SlotValue? Convert(SlotDefinition slot, JsonElement value) => (slot.Kind, value.ValueKind) switch
    {
        (SlotKind.Number, JsonValueKind.Number) => SlotValue.Of(value.GetDouble()),
        (SlotKind.Bool, JsonValueKind.True) => SlotValue.Of(true),
        (SlotKind.Bool, JsonValueKind.False) => SlotValue.Of(false),
        (SlotKind.Enum, JsonValueKind.String) when slot.Values!.Contains(value.GetString()) => SlotValue.Of(value.GetString()!),
        (SlotKind.Text, JsonValueKind.String) when value.GetString() is { Length: > 0 } text => SlotValue.Of(text.Trim()),
        _ => null,
    };
}
