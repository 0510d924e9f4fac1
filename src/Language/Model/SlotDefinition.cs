namespace Car.Language.Model;

public enum SlotKind
{
    Number,
    Enum,
    Bool,
    Text,
}

/// <summary>One slot of an intent in the schema: its kind, range or allowed values, and whether it may be left out.</summary>
public sealed record SlotDefinition(
    string Name,
    SlotKind Kind,
    bool Optional,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Values = null);
