namespace Car.Language.Model;

/// <summary>One intent of the contract: its slots, the delta used when the speaker gives none, and examples.</summary>
public sealed record IntentDefinition(
    string Name,
    IReadOnlyList<SlotDefinition> Slots,
    double? DefaultDelta,
    IReadOnlyList<string> Examples)
{
    public SlotDefinition? Slot(string name) => Slots.FirstOrDefault(s => s.Name == name);
}
