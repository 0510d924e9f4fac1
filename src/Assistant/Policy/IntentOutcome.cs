namespace Car.Assistant.Policy;

/// <summary>What the policy decided for one intent: actions, or a refusal, or a question, and what to say.</summary>
public sealed record IntentOutcome(
    IReadOnlyList<PlannedAction> Actions,
    string Reply,
    Refusal? Refusal = null,
    string? Ask = null,
    bool NeedsConfirmation = false,
    string? ConfirmedReply = null)
{
    public static IntentOutcome Do(string reply, params PlannedAction[] actions) => new(actions, reply);

    public static IntentOutcome Do(string reply, IEnumerable<PlannedAction> actions) => new([.. actions], reply);

    public static IntentOutcome Say(string reply) => new([], reply);

    public static IntentOutcome Refuse(string intent, string reason) => new([], reason, new Refusal(intent, reason));

    public static IntentOutcome AskBack(string question) => new([], question, Ask: question);

    /// <summary>
    /// Actions that wait for the driver's yes: <paramref name="question"/> is asked now, <paramref name="doneReply"/>
    /// is said once they are carried out.
    /// </summary>
    public static IntentOutcome Confirm(string question, string doneReply, IEnumerable<PlannedAction> actions) =>
        new([.. actions], question, Ask: question, NeedsConfirmation: true, ConfirmedReply: doneReply);
}
