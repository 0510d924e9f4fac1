using Car.Assistant.Policy;
using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// One utterance as the assistant handled it: the report of shared/spec/intents.md (intents, actions with VSS
/// paths, refusals, the question, the reply), plus the state changes seen meanwhile for people reading the CLI.
/// </summary>
public sealed record TurnReport(
    string Text,
    string Engine,
    IReadOnlyList<Intent> Intents,
    IReadOnlyList<ActionResult> Actions,
    IReadOnlyList<Refusal> Refused,
    string? Ask,
    string Reply,
    IReadOnlyList<SignalChangeSummary> Changes);
