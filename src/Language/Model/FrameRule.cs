namespace Car.Language.Model;

/// <summary>
/// One rule of models/nlu/rules.json: when every group of <see cref="All"/> is matched by some concept of a frame
/// and no concept of <see cref="None"/> is present, the frame is <see cref="Intent"/> with these slots. Slots in
/// <see cref="Required"/> must be filled for the rule to hold even where the schema makes them optional (歌曲X is
/// media.play only with a title). <see cref="Confidence"/> is how sure a match of this rule is (a weak phrasing
/// asks back before acting). <see cref="StandsAlone"/>: the action word names its device itself (解锁, 锁车), so any
/// other word of the request (解锁手机, 锁屏) may name something that is not the car, and the car asks; another thing
/// of the car named (解锁车窗: the windows' lock) is not the doors, and the rule does not hold.
/// </summary>
public sealed record FrameRule(
    IntentDefinition Intent,
    IReadOnlyList<IReadOnlyList<ConceptPattern>> All,
    IReadOnlyList<ConceptPattern> None,
    bool AllowsQuestion,
    IReadOnlyList<KeyValuePair<string, string>> Extractors,
    IReadOnlyList<KeyValuePair<string, SlotValue>> Fixed,
    IReadOnlyList<string> Required,
    double Confidence = 1.0,
    bool StandsAlone = false);
