using Car.Speech;
using Car.Speech.Vad;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Recognises the utterance heard so far at each pause, so that its transcript is ready (or nearly) when the end is
/// declared; when the transcript is already a complete request, says so, and the listener may end the utterance at a
/// shorter pause. Speech that resumes cancels the guess. One at a time; not thread-safe (the listening loop owns it).
/// </summary>
public sealed class SpeculativeRecognition(ISpeechRecognizer recognizer, Func<Transcript, bool> isCompleteRequest) : IDisposable
{
    private Guess? _current;

    /// <summary>Starts recognising <paramref name="samples"/> (the utterance up to a pause), cancelling the previous guess.</summary>
    /// <param name="complete">Called, from a worker thread, when the transcript is a complete request.</param>
    public void Start(SpeechSegment segment, float[] samples, Action complete, CancellationToken cancellationToken)
    {
        Cancel();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _current = new Guess(segment, RecognizeAsync(samples, complete, cancel.Token), cancel);
    }

    /// <summary>Speech resumed: the guess is not the whole utterance.</summary>
    public void Cancel()
    {
        if (_current is { } guess)
        {
            _current = null;
            guess.Abandon();
        }
    }

    /// <summary>
    /// The transcript of a closed utterance: the guess's when it heard exactly this audio (waiting for it if it is
    /// still running), else a new recognition. <c>Guessed</c> says which.
    /// </summary>
    public async Task<(Transcript Transcript, bool Guessed)> TranscriptAsync(SpeechSegment segment, float[] samples, CancellationToken cancellationToken)
    {
        if (_current is { } guess && guess.Segment == segment)
        {
            _current = null;
            try
            {
                return (await guess.Transcript.WaitAsync(cancellationToken).ConfigureAwait(false), true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The guess was cancelled after all; recognise afresh.
            }
            finally
            {
                guess.Abandon();
            }
        }

        Cancel();
        return (await recognizer.RecognizeAsync(samples, cancellationToken).ConfigureAwait(false), false);
    }

    public void Dispose() => Cancel();

    private async Task<Transcript> RecognizeAsync(float[] samples, Action complete, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var transcript = await recognizer.RecognizeAsync(samples, cancellationToken).ConfigureAwait(false);
        if (isCompleteRequest(transcript))
        {
            complete();
        }

        return transcript;
    }

    private sealed record Guess(SpeechSegment Segment, Task<Transcript> Transcript, CancellationTokenSource Cancellation)
    {
        /// <summary>Cancels the recognition if it still runs, and frees the token once it has ended.</summary>
        public void Abandon()
        {
            Cancellation.Cancel();
            _ = Transcript.ContinueWith((_, state) => ((CancellationTokenSource)state!).Dispose(), Cancellation,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
