namespace Car.Language;

/// <summary>One request as the intent contract (docs/intents.md) names it, with the slots the speaker said.</summary>
public sealed record Intent(string Name, IReadOnlyList<KeyValuePair<string, SlotValue>> Slots)
{
    public Intent(string name)
        : this(name, [])
    {
    }

    /// <summary>
    /// How sure the parser is that this is what the speaker meant, 0–1. Below <see cref="ClearEnough"/> the dialogue
    /// asks back (您是要导航到高新区吗？) instead of acting.
    /// </summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>Below this confidence an intent is a question back, never an action.</summary>
    public const double ClearEnough = 0.75;

    public bool IsClear => Confidence >= ClearEnough;

    public SlotValue? this[string slot] => Slots.FirstOrDefault(s => s.Key == slot) is { Key: not null } found
        ? found.Value
        : null;

    public double? Number(string slot) => this[slot]?.Number;

    public string? Text(string slot) => this[slot]?.Text;

    public bool? Flag(string slot) => this[slot]?.Flag;

    /// <summary>A copy no surer than <paramref name="confidence"/> (asked about when that is below <see cref="ClearEnough"/>).</summary>
    public Intent AtMost(double confidence) => this with { Confidence = Math.Min(Confidence, confidence) };

    /// <summary>A copy with one slot set (replaced if present, appended if not).</summary>
    public Intent With(string slot, SlotValue value)
    {
        var slots = Slots.Where(s => s.Key != slot).ToList();
        slots.Add(new KeyValuePair<string, SlotValue>(slot, value));
        return this with { Slots = slots };
    }

    public override string ToString() =>
        Slots.Count == 0 ? Name : $"{Name}({string.Join(", ", Slots.Select(s => $"{s.Key}={s.Value}"))})";
}
