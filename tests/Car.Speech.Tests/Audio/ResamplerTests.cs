using Car.Speech.Audio;
using Car.Testing;

namespace Car.Speech.Tests.Audio;

public class ResamplerTests
{
    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(8_000)]
    public void Resample_OneKilohertzTone_KeepsFrequencyAndLevelWithinOnePercent(int rate)
    {
        var input = TestAudio.Tone(1000, rate, 1.0);

        var output = Resampler.Resample(new AudioClip(input, rate), 16_000);

        var middle = output.Samples.AsSpan(output.Samples.Length / 4, output.Samples.Length / 2);
        Assert.Equal(16_000, output.SampleRate);
        Assert.InRange(TestAudio.Frequency(output.Samples, 16_000), 990, 1010);
        Assert.InRange(TestAudio.Rms(middle) / TestAudio.Rms(input), 0.99, 1.01);
    }

    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    public void Resample_TenKilohertzTone_IsRemovedNotAliased(int rate)
    {
        var input = TestAudio.Tone(10_000, rate, 1.0);

        var output = Resampler.Resample(new AudioClip(input, rate), 16_000);

        var middle = output.Samples.AsSpan(output.Samples.Length / 4, output.Samples.Length / 2);
        Assert.True(TestAudio.Rms(middle) < 0.01 * TestAudio.Rms(input), $"level left: {TestAudio.Rms(middle) / TestAudio.Rms(input):P2}");
    }

    [Fact]
    public void Resample_SameRate_ReturnsTheSameSamples()
    {
        var input = TestAudio.Tone(440, 16_000, 0.1);

        Assert.Same(input, Resampler.Resample(new AudioClip(input, 16_000), 16_000).Samples);
    }
}
