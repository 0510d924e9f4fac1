using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>Scores one parse against its expectation (docs/evaluation.md defines the outcomes).</summary>
internal static class UtteranceScorer
{
    public static Outcome Score(LabeledUtterance utterance, ParsedUtterance parsed)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(parsed);
        var expected = utterance.Expected;
        if (expected.NeedsContext is not null || string.IsNullOrWhiteSpace(utterance.Text))
        {
            return Outcome.Excluded;
        }

        var clear = parsed.Intents.Where(i => i.IsClear).ToList();
        if (expected.Intents is { } intents && IntentMatch.SameList(intents, clear))
        {
            return Outcome.Exact;
        }

        // A follow-up is resolved (or asked about) by the dialogue: never an action of its own here.
        var acting = parsed.FollowUp is null ? clear.Where(IntentMatch.Acts).ToList() : [];
        var wrong = acting.Any(a => !expected.Tolerated.Contains(a.Name)
            && !(expected.Intents ?? []).Any(e => IntentMatch.Same(e, a) || IntentMatch.SearchesTheSame(e, a)));
        if (wrong)
        {
            return Outcome.Wrong;
        }

        return acting.Count == 0 && utterance.Domain != EvaluationDomains.Others ? Outcome.Missed : Outcome.Partial;
    }

    /// <summary>
    /// For a wrong utterance: whether the car would do another kind of thing than asked (navigate instead of play, play
    /// on chit-chat), not only the right kind with another value (the title said a little differently).
    /// </summary>
    public static bool ActsOtherIntent(LabeledUtterance utterance, ParsedUtterance parsed)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(parsed);
        var expected = utterance.Expected;
        var acting = parsed.FollowUp is null ? parsed.Intents.Where(IntentMatch.Acts) : [];
        return acting.Any(a => !expected.Tolerated.Contains(a.Name) && !(expected.Intents ?? []).Any(e => e.Name == a.Name));
    }
}
