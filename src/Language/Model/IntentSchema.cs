using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Car.Language.Model;

/// <summary>The intent contract as data (models/nlu/schema.json): the rules, the policy and the LLM grammar read it.</summary>
public sealed class IntentSchema
{
    private readonly FrozenDictionary<string, IntentDefinition> _byName;

    public IntentSchema(IEnumerable<IntentDefinition> intents)
    {
        Intents = [.. intents];
        _byName = Intents.ToFrozenDictionary(i => i.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<IntentDefinition> Intents { get; }

    public bool TryGet(string name, out IntentDefinition intent) => _byName.TryGetValue(name, out intent!);

    internal static IntentSchema Parse(JsonElement root, string source)
    {
        var enums = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("enums").EnumerateObject())
        {
            enums[property.Name] = [.. property.Value.EnumerateArray().Select(v => v.GetString()!)];
        }

        var intents = new List<IntentDefinition>();
        foreach (var item in root.GetProperty("intents").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()
                ?? throw new NluModelException(source, "an intent has no name");
            var slots = item.GetProperty("slots").EnumerateObject()
                .Select(p => ParseSlot(p.Name, p.Value.GetString() ?? string.Empty, enums, source, name))
                .ToList();
            double? delta = item.TryGetProperty("delta", out var d) ? d.GetDouble() : null;
            var examples = item.TryGetProperty("examples", out var e)
                ? e.EnumerateArray().Select(x => x.GetString()!).ToList()
                : [];
            intents.Add(new IntentDefinition(name, slots, delta, examples));
        }

        var duplicate = intents.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new IntentSchema(intents)
            : throw new NluModelException(source, $"the intent '{duplicate.Key}' is defined twice");
    }

    /// <summary>Reads a slot type such as <c>enum:position?</c>, <c>number:0..100</c>, <c>number:16..32/0.5</c> (with a resolution), <c>bool</c>, <c>text?</c>.</summary>
    private static SlotDefinition ParseSlot(
        string name, string type, Dictionary<string, IReadOnlyList<string>> enums, string source, string intent)
    {
        var optional = type.EndsWith('?');
        var spec = optional ? type[..^1] : type;
        var (kind, argument) = spec.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            ? (spec[..colon], spec[(colon + 1)..])
            : (spec, string.Empty);
        switch (kind)
        {
            case "bool":
                return new SlotDefinition(name, SlotKind.Bool, optional);
            case "text":
                return new SlotDefinition(name, SlotKind.Text, optional);
            case "enum" when enums.TryGetValue(argument, out var values):
                return new SlotDefinition(name, SlotKind.Enum, optional, Values: values);
            case "number":
                var step = argument.Split('/');
                var range = step[0].Split("..");
                double? resolution = null;
                if (step.Length == 2)
                {
                    if (!double.TryParse(step[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
                    {
                        break;
                    }

                    resolution = parsed;
                }

                if (step.Length <= 2 && range.Length == 2
                    && double.TryParse(range[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                    && double.TryParse(range[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
                {
                    return new SlotDefinition(name, SlotKind.Number, optional, min, max, Resolution: resolution);
                }

                break;
        }

        throw new NluModelException(source, $"the slot '{name}' of '{intent}' has an unknown type '{type}'");
    }
}
