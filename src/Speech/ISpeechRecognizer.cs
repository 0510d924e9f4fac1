namespace Car.Speech;

/// <summary>Turns one utterance of 16 kHz mono audio into text. Where speech ends and language begins.</summary>
public interface ISpeechRecognizer
{
    /// <summary>Why nothing can be recognised (no model configured, engine missing), or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Recognises one utterance; cancelling stops the engine.</summary>
    Task<Transcript> RecognizeAsync(float[] samples, CancellationToken cancellationToken = default);
}
