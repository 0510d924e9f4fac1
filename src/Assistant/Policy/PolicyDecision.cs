namespace Car.Assistant.Policy;

/// <summary>What the policy decided for a whole utterance.</summary>
/// <param name="Actions">Targets to send now, in order.</param>
/// <param name="Refused">Intents not carried out, with reasons.</param>
/// <param name="Ask">The question for the driver (a confirmation or a missing detail), else null.</param>
/// <param name="Reply">What to say.</param>
/// <param name="AwaitingConfirmation">Targets held until the driver says yes to <paramref name="Ask"/>.</param>
/// <param name="ConfirmedReply">What to say once they are carried out.</param>
public sealed record PolicyDecision(
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<Refusal> Refused,
    string? Ask,
    string Reply,
    IReadOnlyList<PlannedAction> AwaitingConfirmation,
    string? ConfirmedReply);
