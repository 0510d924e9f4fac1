namespace Car.Speech.Audio;

/// <summary>Mono audio as floats in [-1, 1] at a sample rate.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    public const int SpeechRate = 16_000;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
