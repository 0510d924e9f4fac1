namespace Car.Assistant.Speech.Vad;

/// <summary>Where speech is, in samples of the 16 kHz stream.</summary>
public sealed record SpeechSegment(long Start, long End)
{
    public TimeSpan StartTime => TimeSpan.FromSeconds(Start / 16_000.0);

    public TimeSpan EndTime => TimeSpan.FromSeconds(End / 16_000.0);

    public TimeSpan Duration => EndTime - StartTime;
}
