namespace Car.Language.Model;

public enum SlotKind
{
    Number,
    Enum,
    Bool,
    Text,
}

/// <summary>
/// One slot of an intent in the schema: its kind, range or allowed values, whether it may be left out, and for a
/// number the step a spoken value is rounded to (0.5 °C for a temperature), when the schema gives one.
/// </summary>
public sealed record SlotDefinition(
    string Name,
    SlotKind Kind,
    bool Optional,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Values = null,
    double? Resolution = null);
