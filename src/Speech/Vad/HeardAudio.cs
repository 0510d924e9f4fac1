namespace Car.Speech.Vad;

/// <summary>
/// One report of <see cref="LiveUtterances.ListenAsync"/>: a pause with the utterance so far, speech resuming, or a
/// closed utterance. For a pause and a close, <see cref="Segment"/> and <see cref="Samples"/> are the utterance as it
/// stands; a close whose segment equals the last pause's has exactly the samples of that pause. A close that
/// <see cref="Continues"/> is speech that resumed after an utterance ended early (<see cref="LiveUtterances.EndAfterSilence"/>)
/// sooner than <see cref="VadOptions.MinSilence"/>: the fixed tail would have heard both as one utterance.
/// </summary>
public sealed record HeardAudio(HeardAudioKind Kind, SpeechSegment? Segment, float[] Samples, bool Continues = false);
