using Car.Language;

namespace Car.Assistant.Policy;

/// <summary>What the policy decided for a whole utterance.</summary>
/// <param name="Steps">Every intent not held, in the order said, each with the targets to send now (none when refused or only answered) and its reply.</param>
/// <param name="Refused">Intents not carried out, with reasons.</param>
/// <param name="Ask">The question for the driver (a confirmation or a missing detail), else null.</param>
/// <param name="Held">
/// Intents that wait for the driver: the first is what <paramref name="Ask"/> asks about; on 确定 it is decided
/// again as confirmed and the rest again as new, so each risky part is asked about in turn.
/// </param>
public sealed record PolicyDecision(
    IReadOnlyList<DecidedStep> Steps,
    IReadOnlyList<Refusal> Refused,
    string? Ask,
    IReadOnlyList<Intent> Held)
{
    /// <summary>Every target of every step, in order: what goes to the bus.</summary>
    public IReadOnlyList<PlannedAction> Actions => [.. Steps.SelectMany(s => s.Actions)];

    /// <summary>The reply if every step is carried out as planned, then the question about what is held.</summary>
    public string Reply => string.Join("；", [.. Steps.Where(s => s.Reply.Length > 0).Select(s => s.Reply), .. Held.Count > 0 && Ask is not null ? [Ask] : Array.Empty<string>()]);
}
