using System.Runtime.CompilerServices;
using Car.Speech.Capture;

namespace Car.Speech.Vad;

/// <summary>
/// Cuts a live audio stream into utterances: chunks go through the segmenter, and each utterance that closes comes
/// out with its samples. Only what the segmenter may still need is kept (the open utterance, or the pre-roll while
/// silent), so memory stays bounded however long it runs and however long the silence. With a talk button, audio
/// counts only while it is held: releasing it ends the utterance, and an utterance the VAD ends releases it (one
/// ended early, once the fixed tail has passed without more speech). An utterance that follows an early end
/// (<see cref="EndAfterSilence"/>) closer than the fixed tail is marked as continuing it (<see cref="HeardAudio.Continues"/>).
/// </summary>
public sealed class LiveUtterances(SpeechSegmenter segmenter, PushToTalk? button = null)
{
    private readonly List<float> _heard = [];
    private long _forgotten;
    private readonly Lock _endRequestLock = new();
    private (SpeechSegment Paused, long Silence)? _endRequest;
    private SpeechSegment? _endedEarly;
    private long? _releaseAt;

    /// <summary>How many samples are held now: the pre-roll while silent, the open utterance while speaking.</summary>
    public int BufferedSamples => _heard.Count;

    /// <summary>Reads <paramref name="audio"/> through a new <see cref="LiveUtterances"/> on <paramref name="segmenter"/>.</summary>
    public static IAsyncEnumerable<(SpeechSegment Segment, float[] Samples)> ReadAsync(
        IAsyncEnumerable<float[]> audio, SpeechSegmenter segmenter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        return new LiveUtterances(segmenter).ReadAsync(audio, cancellationToken);
    }

    /// <summary>The utterances, each once it has closed.</summary>
    public async IAsyncEnumerable<(SpeechSegment Segment, float[] Samples)> ReadAsync(
        IAsyncEnumerable<float[]> audio, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var heard in ListenAsync(audio, TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            if (heard is { Kind: HeardAudioKind.Closed, Segment: { } segment })
            {
                yield return (segment, heard.Samples);
            }
        }
    }

    /// <summary>
    /// Asks to end the utterance reported as <paramref name="paused"/> once its silence reaches
    /// <paramref name="silence"/> (at once if it already has), instead of the segmenter's longer tail: the listener
    /// knows that what was heard is a complete request. Any thread may ask; it applies only while that pause lasts
    /// (speech resuming, or the utterance closing, withdraws it).
    /// </summary>
    public void EndAfterSilence(SpeechSegment paused, TimeSpan silence)
    {
        lock (_endRequestLock)
        {
            _endRequest = (paused, Math.Max(1, (long)(silence.TotalSeconds * Audio.AudioClip.SpeechRate)));
        }
    }

    /// <summary>
    /// The utterances as they happen: a <see cref="HeardAudioKind.Paused"/> report after <paramref name="pauseAfter"/>
    /// of silence within one (zero: never), <see cref="HeardAudioKind.Resumed"/> when speech follows such a pause, and
    /// <see cref="HeardAudioKind.Closed"/> when it ends, by the segmenter's rules or by <see cref="EndAfterSilence"/>.
    /// </summary>
    public async IAsyncEnumerable<HeardAudio> ListenAsync(
        IAsyncEnumerable<float[]> audio, TimeSpan pauseAfter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var pauseSamples = (long)(pauseAfter.TotalSeconds * Audio.AudioClip.SpeechRate);
        SpeechSegment? paused = null;
        long? pausedVoicedEnd = null;
        await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (button is { IsHeld: false })
            {
                // Released: what was said while it was held is one utterance; the rest of the audio is not heard.
                if (segmenter.Flush() is { } released)
                {
                    yield return Closed(released, GuessedPart(paused, released));
                }

                paused = null;
                _endedEarly = null;
                _releaseAt = null;
                Forget(long.MaxValue);
                continue;
            }

            _heard.AddRange(chunk);
            foreach (var segment in segmenter.Push(chunk))
            {
                // Released as the utterance closes, not once it has been answered: the button shows it at once.
                var guessed = GuessedPart(paused, segment);
                paused = null;
                _releaseAt = null;
                button?.Release();
                yield return Closed(segment, guessed);
                Forget(segment.End);
            }

            var silence = segmenter.SilenceSamples;
            if (paused is not null && segmenter.InSpeech && segmenter.VoicedEnd != pausedVoicedEnd)
            {
                // New voiced frames since the pause (a frame merely unsure of speech, or the quiet trail Silero still
                // calls speech, does not count; nor does the padding after the speech growing, when the pause came
                // before all of it was heard).
                paused = null;
                yield return new HeardAudio(HeardAudioKind.Resumed, null, []);
            }

            if (paused is not null && EndRequestedFor(paused) is { } endAfter && silence >= endAfter && segmenter.Flush() is { } complete)
            {
                // The talk button stays down until the fixed tail would have ended the utterance, so that the
                // driver may still continue it.
                var guessed = GuessedPart(paused, complete);
                paused = null;
                _releaseAt = complete.End - Samples(segmenter.Options.Padding) + Samples(segmenter.Options.MinSilence);
                yield return Closed(complete, guessed);
                _endedEarly = complete;
                Forget(complete.End);
            }
            else if (paused is null && pauseSamples > 0 && segmenter.PauseSamples >= pauseSamples && segmenter.Tentative is { } sofar)
            {
                paused = sofar;
                pausedVoicedEnd = segmenter.VoicedEnd;
                yield return new HeardAudio(HeardAudioKind.Paused, sofar, Slice(sofar));
            }

            if (_releaseAt is { } at && !segmenter.InSpeech && _forgotten + _heard.Count >= at)
            {
                _releaseAt = null;
                button?.Release();
            }

            Forget(segmenter.KeepFrom);
        }

        if (segmenter.Flush() is { } last)
        {
            yield return Closed(last, GuessedPart(paused, last));
        }
    }

    /// <summary>
    /// The paused part when the closing utterance is it with nothing new but more of the silence after it (a pause
    /// taken before all of the padding was heard): reporting that part lets the guess made at the pause be used.
    /// Voiced speech after the pause would have reported it resumed and cleared it; speech frames heard past the
    /// paused part, however quiet, make it not the whole utterance.
    /// </summary>
    private SpeechSegment? GuessedPart(SpeechSegment? paused, SpeechSegment closing) =>
        paused is { } part && part.Start == closing.Start && part.End <= closing.End && segmenter.LastSpeechEnd <= part.End ? part : null;

    private HeardAudio Closed(SpeechSegment segment, SpeechSegment? guessed)
    {
        // Speech that resumed after an early end before the fixed tail would have ended that utterance: the gap
        // between the two segments is the silence the segmenter measured, less the padding on either side.
        var padding = Samples(segmenter.Options.Padding);
        var continues = _endedEarly is { } early && segment.Start + padding - (early.End - padding) < Samples(segmenter.Options.MinSilence);
        _endedEarly = null;
        var reported = guessed ?? segment;
        return new(HeardAudioKind.Closed, reported, Slice(reported), continues);
    }

    private static long Samples(TimeSpan time) => (long)(time.TotalSeconds * Audio.AudioClip.SpeechRate);

    private long? EndRequestedFor(SpeechSegment paused)
    {
        lock (_endRequestLock)
        {
            return _endRequest is { } request && request.Paused == paused ? request.Silence : null;
        }
    }

    private void Forget(long upTo)
    {
        var drop = (int)Math.Clamp(upTo - _forgotten, 0, _heard.Count);
        _heard.RemoveRange(0, drop);
        _forgotten += drop;
    }

    private float[] Slice(SpeechSegment segment)
    {
        var start = (int)Math.Clamp(segment.Start - _forgotten, 0, _heard.Count);
        var end = (int)Math.Clamp(segment.End - _forgotten, start, _heard.Count);
        return _heard.GetRange(start, end - start).ToArray();
    }
}
