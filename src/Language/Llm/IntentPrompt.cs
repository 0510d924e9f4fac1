using System.Text;
using Car.Language.Model;

namespace Car.Language.Llm;

/// <summary>
/// The system prompt, generated from the same schema the rules use: what to do, every intent with its slots and
/// value ranges, and a few examples whose answers the rule parser itself produces.
/// </summary>
public static class IntentPrompt
{
    private static readonly string[] ExampleUtterances =
        ["有点闷", "副驾车窗开一半", "空调调到二十二度", "给妈妈打电话", "别开窗", "天气怎么样"];

    public static string Create(IntentSchema schema, RuleParser examples)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(examples);
        var prompt = new StringBuilder();
        prompt.AppendLine("You are the language unit of a car assistant. Turn the driver's Chinese request into a JSON list of intents. Answer with the JSON only.");
        prompt.AppendLine("Leave out slots the driver did not say. Numbers are JSON numbers. Negated or unsupported requests give []. Needs (闷, 热, 冷, 困, 晒) are comfort intents.");
        prompt.AppendLine("Intents (slot:type, ? optional):");
        foreach (var intent in schema.Intents)
        {
            var slots = string.Join(",", intent.Slots.Select(Describe));
            prompt.AppendLine($"{intent.Name}({slots})");
        }

        prompt.AppendLine("Examples:");
        foreach (var utterance in ExampleUtterances)
        {
            var answer = IntentJson.ParseLine(examples.Parse(utterance));
            var intents = answer[(answer.IndexOf("\"intents\":", StringComparison.Ordinal) + 10)..^1];
            prompt.AppendLine($"{utterance} => {intents}");
        }

        return prompt.ToString();
    }

    private static string Describe(SlotDefinition slot)
    {
        var type = slot.Kind switch
        {
            SlotKind.Number => $"{slot.Min}..{slot.Max}",
            SlotKind.Enum => string.Join("|", slot.Values!),
            SlotKind.Bool => "bool",
            _ => "text",
        };
        return $"{slot.Name}{(slot.Optional ? "?" : string.Empty)}:{type}";
    }
}
