namespace Car.Assistant.Policy;

/// <summary>What the policy decided for one intent: actions, or a refusal, or a question, and what to say.</summary>
public sealed record IntentOutcome(
    IReadOnlyList<PlannedAction> Actions,
    string Reply,
    Refusal? Refusal = null,
    string? Ask = null,
    bool NeedsConfirmation = false)
{
    public static IntentOutcome Do(string reply, params PlannedAction[] actions) => new(actions, reply);

    public static IntentOutcome Do(string reply, IEnumerable<PlannedAction> actions) => new([.. actions], reply);

    public static IntentOutcome Say(string reply) => new([], reply);

    /// <summary>
    /// A value said far outside what <paramref name="what"/> takes changes nothing: it may be misheard, and the ends of
    /// the range are not a guess to make; the driver hears <paramref name="range"/> (音量范围是 0–100，请说其中的一个数).
    /// </summary>
    public static IntentOutcome OutsideRange(string what, string range) => Say($"{what}范围是 {range}，请说其中的一个数");

    public static IntentOutcome Refuse(string intent, string reason) => new([], reason, new Refusal(intent, reason));

    public static IntentOutcome AskBack(string question) => new([], question, Ask: question);

    /// <summary>
    /// The request waits for the driver's yes to <paramref name="question"/>; on 确定 the rule decides it again
    /// with <see cref="PolicyContext.Confirmed"/> set, against the state of that moment.
    /// </summary>
    public static IntentOutcome Confirm(string question) => new([], question, Ask: question, NeedsConfirmation: true);
}
