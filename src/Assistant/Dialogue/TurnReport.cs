using Car.Assistant.Policy;
using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// One utterance as the assistant handled it: the report of shared/spec/intents.md (intents, actions with VSS
/// paths, refusals, the question, the reply), plus the state changes seen meanwhile for people reading the CLI, and
/// for a spoken session what was acknowledged early and what the outcome corrects.
/// </summary>
public sealed record TurnReport(
    string Text,
    string Engine,
    IReadOnlyList<Intent> Intents,
    IReadOnlyList<ActionResult> Actions,
    IReadOnlyList<Refusal> Refused,
    string? Ask,
    string Reply,
    IReadOnlyList<SignalChangeSummary> Changes)
{
    /// <summary>
    /// The requests the car carried out this turn: decided and neither held for a yes nor refused. Empty when the turn
    /// only answered, asked back, cancelled or did not understand.
    /// </summary>
    public IReadOnlyList<Intent> Carried { get; init; } = [];

    /// <summary>What was said as soon as the car accepted the actions, before their outcome; null when nothing was.</summary>
    public string? Acknowledged { get; init; }

    /// <summary>
    /// After an acknowledgement, what the outcome changes: the failure or partial result of the steps the car did not
    /// confirm (null when all were). <see cref="Reply"/> still says the whole outcome.
    /// </summary>
    public string? Correction { get; init; }
}
