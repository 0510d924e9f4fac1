namespace Car.Language;

/// <summary>One request as the intent contract (shared/spec/intents.md) names it, with the slots the speaker said.</summary>
public sealed record Intent(string Name, IReadOnlyList<KeyValuePair<string, SlotValue>> Slots)
{
    public Intent(string name)
        : this(name, [])
    {
    }

    public SlotValue? this[string slot] => Slots.FirstOrDefault(s => s.Key == slot) is { Key: not null } found
        ? found.Value
        : null;

    public double? Number(string slot) => this[slot]?.Number;

    public string? Text(string slot) => this[slot]?.Text;

    public bool? Flag(string slot) => this[slot]?.Flag;

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
