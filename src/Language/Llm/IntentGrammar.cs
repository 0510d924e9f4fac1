using System.Text;
using Car.Language.Model;

namespace Car.Language.Llm;

/// <summary>
/// A GBNF grammar generated from the intent schema: the answer is a JSON list of at most
/// <see cref="MaxIntents"/> intents, each with its own name and only its own slots, in schema order, with values
/// of the slot's type (enum values, bounded numbers, booleans, short strings). Sampling under it can only produce
/// a valid intent list.
/// </summary>
public sealed class IntentGrammar
{
    public const int MaxIntents = 3;
    public const int MaxTextLength = 16;

    private IntentGrammar(string text, IReadOnlyList<string> literals, int longestIntent)
    {
        Text = text;
        Literals = literals;
        LongestIntentCharacters = longestIntent;
    }

    /// <summary>The GBNF text, root rule <c>root</c>.</summary>
    public string Text { get; }

    /// <summary>Fixed strings the grammar emits (intent heads, slot names, enum values).</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>Characters of the longest single intent the grammar allows.</summary>
    public int LongestIntentCharacters { get; }

    public static IntentGrammar Create(IntentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var rules = new StringBuilder();
        var literals = new List<string>();
        var longest = 0;
        rules.AppendLine($"root ::= \"[\" ( intent ( \",\" intent ){{0,{MaxIntents - 1}}} )? \"]\"");
        rules.AppendLine($"intent ::= {string.Join(" | ", schema.Intents.Select(i => RuleName(i.Name)))}");
        foreach (var intent in schema.Intents)
        {
            var head = $"{{\"intent\":\"{intent.Name}\",\"slots\":{{";
            literals.Add(head);
            var alternatives = SlotSubsets(intent.Slots)
                .Select(subset => subset.Count == 0
                    ? string.Empty
                    : string.Join(" \",\" ", subset.Select(s => $"{Quote($"\"{s.Name}\":")} {ValueRule(s)}")))
                .Select(a => a.Length == 0 ? "\"\"" : a)
                .ToList();
            literals.AddRange(intent.Slots.Select(s => $"\"{s.Name}\":"));
            literals.AddRange(intent.Slots.Where(s => s.Values is not null).SelectMany(s => s.Values!.Select(v => $"\"{v}\"")));
            rules.AppendLine($"{RuleName(intent.Name)} ::= {Quote(head)} ( {string.Join(" | ", alternatives)} ) \"}}}}\"");
            longest = Math.Max(longest, head.Length + 2 + intent.Slots.Sum(s => s.Name.Length + 4 + LongestValue(s)));
        }

        rules.AppendLine("number ::= \"-\"? [0-9] [0-9]? [0-9]? ( \".\" [0-9] )?");
        rules.AppendLine($"text ::= \"\\\"\" [^\"\\\\\\x00-\\x1F]{{1,{MaxTextLength}}} \"\\\"\"");
        rules.AppendLine("bool ::= \"true\" | \"false\"");
        foreach (var values in schema.Intents.SelectMany(i => i.Slots).Where(s => s.Kind == SlotKind.Enum).Select(s => s.Values!).Distinct())
        {
            rules.AppendLine($"{EnumRule(values)} ::= {string.Join(" | ", values.Select(v => Quote($"\"{v}\"")))}");
        }

        return new IntentGrammar(rules.ToString(), literals.Distinct().ToList(), longest);
    }

    /// <summary>Every subset of the slots, in schema order, that keeps all required slots.</summary>
    private static IEnumerable<List<SlotDefinition>> SlotSubsets(IReadOnlyList<SlotDefinition> slots)
    {
        for (var mask = 0; mask < 1 << slots.Count; mask++)
        {
            var subset = slots.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (slots.Where(s => !s.Optional).All(subset.Contains))
            {
                yield return subset;
            }
        }
    }

    private static string ValueRule(SlotDefinition slot) => slot.Kind switch
    {
        SlotKind.Number => "number",
        SlotKind.Bool => "bool",
        SlotKind.Text => "text",
        _ => EnumRule(slot.Values!),
    };

    private static int LongestValue(SlotDefinition slot) => slot.Kind switch
    {
        SlotKind.Number => 6,
        SlotKind.Bool => 5,
        SlotKind.Text => MaxTextLength + 2,
        _ => slot.Values!.Max(v => v.Length) + 2,
    };

    private static string EnumRule(IReadOnlyList<string> values) => "enum-" + string.Join("-", values.Take(2)).Replace('_', '-');

    private static string RuleName(string intent) => "i-" + intent.Replace('.', '-').Replace('_', '-');

    private static string Quote(string literal) => "\"" + literal.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
