using Car.Assistant.Telemetry;
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

        using var turn = StartTurn();
        Transcript transcript;
        using (var stage = conversation.Telemetry.Stage(TurnStages.Asr))
        {
            transcript = await recognizer.RecognizeAsync(samples, cancellationToken).ConfigureAwait(false);
            Tag(stage, transcript);
        }

        return await RespondAsync(transcript, acknowledge, continues: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One turn on a transcript already made while the driver paused (speculative recognition): its asr stage is
    /// tagged as such and lasts only as long as the turn waited for it.
    /// </summary>
    public Task<HeardUtterance> HandleAsync(Transcript transcript, Action<string>? acknowledge, CancellationToken cancellationToken = default) =>
        HandleAsync(transcript, acknowledge, continues: null, cancellationToken);

    /// <summary>
    /// One turn on a transcript made while the driver paused; with <paramref name="continues"/> (the previous turn's
    /// transcript, ended early) it continues that one (<see cref="Conversation.ContinueAsync"/>).
    /// </summary>
    public async Task<HeardUtterance> HandleAsync(
        Transcript transcript, Action<string>? acknowledge, string? continues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        using var turn = StartTurn();
        using (var stage = conversation.Telemetry.Stage(TurnStages.Asr))
        {
            Tag(stage, transcript).Tag("car.asr.speculative", true);
        }

        return await RespondAsync(transcript, acknowledge, continues, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HeardUtterance> RespondAsync(Transcript transcript, Action<string>? acknowledge, string? continues, CancellationToken cancellationToken)
    {
        if (transcript.Confidence < MinConfidence || transcript.Text.Length == 0)
        {
            // Asking to repeat is asking back: counted and tagged like the conversation's own questions.
            conversation.Telemetry.Completed(new TurnReport(transcript.Text, TurnStages.Asr, [], [], [], SayAgain, SayAgain, []));
            return new HeardUtterance(transcript, null, SayAgain);
        }

        var report = await conversation.ContinueAsync(continues, transcript.Text, acknowledge, cancellationToken).ConfigureAwait(false);
        return new HeardUtterance(transcript, report, report.Ask);
    }

    /// <summary>A turn heard from the microphone (a WAV turn of the dashboard has its own turn span, which this one joins).</summary>
    private static System.Diagnostics.Activity? StartTurn() => TurnTelemetry.StartTurn(string.Empty)?.SetTag("car.input", "voice");

    private static StageSpan Tag(StageSpan stage, Transcript transcript) =>
        stage.Tag("car.asr.text", transcript.Text).Tag("car.asr.confidence", Math.Round(transcript.Confidence, 2)).Tag("car.asr.tokens", transcript.Tokens);
}
