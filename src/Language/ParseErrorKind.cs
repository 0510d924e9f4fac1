namespace Car.Language;

/// <summary>Why an utterance has no parse.</summary>
public enum ParseErrorKind
{
    None,

    /// <summary>Longer than an utterance can be.</summary>
    TooLong,

    /// <summary>The model did not finish within its deadline or token budget: ask the driver to repeat.</summary>
    NoTimelyAnswer,

    /// <summary>The model could not run (bad file, context too small…).</summary>
    EngineFailed,

    /// <summary>The model is still evaluating its prompt after start-up, and the rules had no answer: ask again shortly.</summary>
    WarmingUp,
}
