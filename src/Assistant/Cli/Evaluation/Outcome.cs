namespace Car.Assistant.Cli.Evaluation;

/// <summary>How one utterance went.</summary>
internal enum Outcome
{
    /// <summary>The clear intents are exactly the expected list.</summary>
    Exact,

    /// <summary>Something acted that was not asked for (for others: anything that acted).</summary>
    Wrong,

    /// <summary>In domain, but nothing acted: no intent, only a question back, a search or a follow-up.</summary>
    Missed,

    /// <summary>Neither: it acted rightly but not the exact list, or the label has no exact form, or others gave a non-acting intent.</summary>
    Partial,

    /// <summary>Not scored: the label needs the dialogue's context, or there is nothing to hear.</summary>
    Excluded,
}
