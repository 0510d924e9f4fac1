namespace Car.Speech.Vad;

/// <summary>What <see cref="LiveUtterances.ListenAsync"/> reports.</summary>
public enum HeardAudioKind
{
    /// <summary>The speaker paused (<see cref="VadOptions.SpeculateAfter"/>): the utterance so far, which may be all of it.</summary>
    Paused,

    /// <summary>Speech resumed after a pause: what was reported as paused is not the whole utterance.</summary>
    Resumed,

    /// <summary>The utterance ended: its segment and samples.</summary>
    Closed,
}
