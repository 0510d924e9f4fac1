namespace Car.Bench;

/// <summary>When the live benchmark recognises an utterance.</summary>
internal enum RecognitionMode
{
    /// <summary>Once the utterance has ended (before speculative recognition).</summary>
    AfterTheEnd,

    /// <summary>At each pause, ending early when the engine's own transcript is a complete request.</summary>
    Speculative,

    /// <summary>At each pause, ending early when the words actually spoken are a complete request.</summary>
    SpeculativeOracle,
}
