namespace Car.Speech.Vad;

/// <summary>Scores fixed-size frames of 16 kHz audio with the probability that they hold speech.</summary>
public interface IVoiceActivityDetector : IDisposable
{
    /// <summary>Samples per frame (512 = 32 ms at 16 kHz).</summary>
    int FrameSamples { get; }

    /// <summary>What runs (<c>silero</c>, <c>energy</c>).</summary>
    string Name { get; }

    float SpeechProbability(ReadOnlySpan<float> frame);

    /// <summary>Forgets the stream so far (a new utterance, a new file).</summary>
    void Reset();
}
