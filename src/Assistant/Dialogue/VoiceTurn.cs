using Car.Speech;

namespace Car.Assistant.Dialogue;

/// <summary>
/// One spoken turn, shared by <c>car listen</c> and the always-listening session: the recogniser transcribes the
/// utterance; a transcript too unsure to act on becomes a request to repeat; a confident one goes through the
/// conversation (parse, policy, bus). Without a recogniser it says so.
/// </summary>
public sealed class VoiceTurn(ISpeechRecognizer recognizer, Conversation conversation)
{
    public const string SayAgain = "没听清，请再说一遍";
    public const double MinConfidence = 0.4;

    public bool CanRecognise => recognizer.Unavailable is null;

    public Task<HeardUtterance> HandleAsync(float[] samples, CancellationToken cancellationToken = default) =>
        HandleAsync(samples, acknowledge: null, cancellationToken);

    /// <summary>One turn; <paramref name="acknowledge"/> hears the short reply as soon as the car accepts the request.</summary>
    public async Task<HeardUtterance> HandleAsync(float[] samples, Action<string>? acknowledge, CancellationToken cancellationToken = default)
    {
        if (!CanRecognise)
        {
            return new HeardUtterance(null, null, null);
        }

        var transcript = await recognizer.RecognizeAsync(samples, cancellationToken).ConfigureAwait(false);
        return await HandleAsync(transcript, acknowledge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One turn on a transcript already made (by a speculative recognition, say).</summary>
    public async Task<HeardUtterance> HandleAsync(Transcript transcript, Action<string>? acknowledge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.Confidence < MinConfidence || transcript.Text.Length == 0)
        {
            return new HeardUtterance(transcript, null, SayAgain);
        }

        var report = await conversation.HandleAsync(transcript.Text, acknowledge, cancellationToken).ConfigureAwait(false);
        return new HeardUtterance(transcript, report, report.Ask);
    }
}
