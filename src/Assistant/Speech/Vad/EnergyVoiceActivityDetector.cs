namespace Car.Assistant.Speech.Vad;

/// <summary>
/// The fallback when the Silero model is missing: a frame's level against an adaptive noise floor (it follows
/// the quietest frames quickly and rises slowly), mapped to a probability around 9 dB above the floor.
/// </summary>
public sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    private const double SilenceDecibels = -70;
    private double _floor = SilenceDecibels;

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
        _floor = level < _floor ? level : _floor + (0.02 * (level - _floor));
        _floor = Math.Max(_floor, SilenceDecibels);
        var above = level - _floor;
        return (float)(1 / (1 + Math.Exp(-(above - 9) / 2)));
    }

    public void Reset() => _floor = SilenceDecibels;

    public void Dispose()
    {
    }
}
