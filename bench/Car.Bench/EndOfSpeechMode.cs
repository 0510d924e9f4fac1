namespace Car.Bench;

/// <summary>How the split benchmark ends an utterance.</summary>
internal enum EndOfSpeechMode
{
    /// <summary>The fixed tail only (<c>Vad:MinSilence</c>): the adaptive end is off.</summary>
    FixedTail,

    /// <summary>
    /// The adaptive end with the oracle judge asked at the pause itself, as if recognition took no time: the most
    /// an adaptive end can ever close early, so the most it can split.
    /// </summary>
    AdaptiveAtOnce,

    /// <summary>The adaptive end with the oracle judge asked once Whisper has recognised the pause's audio (real time).</summary>
    AdaptiveAfterWhisper,
}
