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
    private TaskCompletionSource _endAsked = NewSignal();
    private SpeechSegment? _paused;
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
            _endAsked.TrySetResult();
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
        long? pausedVoicedEnd = null;
        var chunks = audio.GetAsyncEnumerator(cancellationToken);
        Task<bool>? next = null;
        try
        {
            while (true)
            {
                next ??= chunks.MoveNextAsync().AsTask();
                if (_paused is not null && !next.IsCompleted && !await ChunkBeforeEndAskedAsync(next).ConfigureAwait(false))
                {
                    // Asked to end during the pause, between chunks: the silence heard may already be enough, and
                    // waiting for the next chunk (32 ms of capture) would only delay the answer.
                    if (EndEarlyIfAsked() is { } endedEarly)
                    {
                        yield return endedEarly;
                    }

                    continue;
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                var chunk = chunks.Current;
                next = null;
                if (button is { IsHeld: false })
                {
                    // Released: what was said while it was held is one utterance; the rest of the audio is not heard.
                    if (segmenter.Flush() is { } released)
                    {
                        yield return Closed(released, GuessedPart(_paused, released));
                    }

                    _paused = null;
                    _endedEarly = null;
                    _releaseAt = null;
                    Forget(long.MaxValue);
                    continue;
                }

                _heard.AddRange(chunk);
                foreach (var segment in segmenter.Push(chunk))
                {
                    // Released as the utterance closes, not once it has been answered: the button shows it at once.
                    var guessed = GuessedPart(_paused, segment);
                    _paused = null;
                    _releaseAt = null;
                    button?.Release();
                    yield return Closed(segment, guessed);
                    Forget(segment.End);
                }

                if (_paused is not null && segmenter.InSpeech && segmenter.VoicedEnd != pausedVoicedEnd)
                {
                    // New voiced frames since the pause (a frame merely unsure of speech, or the quiet trail Silero still
                    // calls speech, does not count; nor does the padding after the speech growing, when the pause came
                    // before all of it was heard).
                    _paused = null;
                    yield return new HeardAudio(HeardAudioKind.Resumed, null, []);
                }

                if (EndEarlyIfAsked() is { } ended)
                {
                    yield return ended;
                }
                else if (_paused is null && pauseSamples > 0 && segmenter.PauseSamples >= pauseSamples && segmenter.Tentative is { } sofar)
                {
                    _paused = sofar;
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
                yield return Closed(last, GuessedPart(_paused, last));
            }
        }
        finally
        {
            // The audio source may not be disposed while it reads: a read begun while waiting for an end request is
            // let finish (the next capture chunk, or the cancellation) first.
            if (next is { IsCompleted: false })
            {
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await chunks.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for the next chunk or an end request, whichever comes first; true when the chunk did. A request is used
    /// up when it is seen.
    /// </summary>
    private async Task<bool> ChunkBeforeEndAskedAsync(Task<bool> next)
    {
        Task asked;
        lock (_endRequestLock)
        {
            asked = _endAsked.Task;
        }

        await Task.WhenAny(next, asked).ConfigureAwait(false);
        if (next.IsCompleted)
        {
            return true;
        }

        lock (_endRequestLock)
        {
            _endAsked = NewSignal();
        }

        return false;
    }

    /// <summary>
    /// Ends the paused utterance when the listener has asked to (<see cref="EndAfterSilence"/>) and its silence has
    /// reached what was asked; the closed report, or null. The talk button stays down until the fixed tail would have
    /// ended the utterance, so that the driver may still continue it.
    /// </summary>
    private HeardAudio? EndEarlyIfAsked()
    {
        if (_paused is not { } paused || EndRequestedFor(paused) is not { } endAfter || segmenter.SilenceSamples < endAfter
            || segmenter.Flush() is not { } complete)
        {
            return null;
        }

        var closed = Closed(complete, GuessedPart(paused, complete));
        _paused = null;
        _releaseAt = complete.End - Samples(segmenter.Options.Padding) + Samples(segmenter.Options.MinSilence);
        _endedEarly = complete;
        Forget(complete.End);
        return closed;
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
