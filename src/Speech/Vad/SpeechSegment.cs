using Car.Speech.Audio;

namespace Car.Speech.Vad;

/// <summary>Where speech is, in samples of the 16 kHz stream.</summary>
public sealed record SpeechSegment(long Start, long End)
{
    public TimeSpan StartTime => TimeSpan.FromSeconds((double)Start / AudioClip.SpeechRate);

    public TimeSpan EndTime => TimeSpan.FromSeconds((double)End / AudioClip.SpeechRate);

    public TimeSpan Duration => EndTime - StartTime;
}
