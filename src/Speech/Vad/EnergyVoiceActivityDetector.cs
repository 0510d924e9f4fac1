namespace Car.Speech.Vad;

/// <summary>
/// The fallback when the Silero model is missing: a frame's level against an adaptive noise floor (set by the
/// first frame, following quieter frames at once and louder ones slowly), mapped to a probability around 9 dB
/// above the floor. Frames quieter than −50 dBFS are never speech. A steady sound becomes the floor within
/// about 3 s (it is background then), which is why the Silero model is preferred.
/// </summary>
public sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    private const double SilenceDecibels = -70;
    private const double QuietestSpeechDecibels = -50;
    private double? _floor;

    public int FrameSamples => 512;

    public string Name => "energy";

    public float SpeechProbability(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += sample * sample;
        }

        var level = 10 * Math.Log10((sum / Math.Max(frame.Length, 1)) + 1e-10);
        var floor = _floor ?? level;
        floor = level < floor ? level : floor + (0.02 * (level - floor));
        _floor = Math.Max(floor, SilenceDecibels);
        if (level < QuietestSpeechDecibels)
        {
            return 0;
        }

        var above = level - _floor.Value;
        return (float)(1 / (1 + Math.Exp(-(above - 9) / 2)));
    }

    public void Reset() => _floor = null;

    public void Dispose()
    {
    }
}
