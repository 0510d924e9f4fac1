using System.Text.Json;
using System.Text.RegularExpressions;

namespace Car.Language.Tests.Language;

/// <summary>docs/intents.md, the contract README links, names exactly the intents and slots of models/nlu/schema.json.</summary>
public sealed partial class IntentContractDocTests
{
    private static readonly string Doc = Path.Combine(AppContext.BaseDirectory, "docs", "intents.md");
    private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "models", "nlu", "schema.json");

    [Fact]
    public void IntentTable_SameIntentsAsTheSchema()
    {
        Assert.Equal(SchemaSlots().Keys.Order(StringComparer.Ordinal), DocSlots().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IntentTable_SameSlotsAsTheSchema()
    {
        var doc = DocSlots();
        foreach (var (intent, slots) in SchemaSlots())
        {
            Assert.True(
                doc.TryGetValue(intent, out var documented) && documented.SetEquals(slots),
                $"{intent}: schema has [{string.Join(", ", slots.Order())}], docs/intents.md [{string.Join(", ", documented?.Order() ?? Enumerable.Empty<string>())}]");
        }
    }

    private static Dictionary<string, HashSet<string>> SchemaSlots()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Schema));
        return schema.RootElement.GetProperty("intents").EnumerateArray().ToDictionary(
            i => i.GetProperty("name").GetString()!,
            i => i.GetProperty("slots").EnumerateObject().Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The rows of the table "| intent | slots | said like |": "a / b" names two intents, and "x / y" in the slots column
    /// then gives each its own; a slot is the first word of each comma-separated item, parenthesised notes aside.
    /// </summary>
    private static Dictionary<string, HashSet<string>> DocSlots()
    {
        var rows = File.ReadLines(Doc)
            .SkipWhile(l => !l.StartsWith("| intent | slots |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'));
        var intents = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var names = cells[0].Split('/', StringSplitOptions.TrimEntries);
            var slotGroups = Parenthesised().Replace(cells[1], string.Empty).Split(" / ", StringSplitOptions.TrimEntries);
            for (var i = 0; i < names.Length; i++)
            {
                var group = slotGroups.Length == names.Length ? slotGroups[i] : slotGroups[0];
                intents.Add(names[i], group.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(item => SlotName().Match(item).Value).ToHashSet(StringComparer.Ordinal));
            }
        }

        return intents;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^[a-z_]+")]
    private static partial Regex SlotName();
}
