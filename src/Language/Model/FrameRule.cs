namespace Car.Language.Model;

/// <summary>
/// One rule of models/nlu/rules.json: when every group of <see cref="All"/> is matched by some concept of a frame
/// and no concept of <see cref="None"/> is present, the frame is <see cref="Intent"/> with these slots.
/// </summary>
public sealed record FrameRule(
    IntentDefinition Intent,
    IReadOnlyList<IReadOnlyList<ConceptPattern>> All,
    IReadOnlyList<ConceptPattern> None,
    bool AllowsQuestion,
    IReadOnlyList<KeyValuePair<string, string>> Extractors,
    IReadOnlyList<KeyValuePair<string, SlotValue>> Fixed);
