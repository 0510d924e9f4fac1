using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Testing;
using Microsoft.Extensions.Options;

namespace Car.Speech.Tests.Output;

/// <summary>Real Mandarin speech made with espeak-ng (installed by .ci/run), through the speech stages.</summary>
public class EspeakSpeechTests
{
    private static readonly EspeakSpeaker Speaker = new(Options.Create(new SpeechOutputOptions()));

    [Fact]
    public async Task Speaker_WritesAMandarinWavThatTheReaderReads()
    {
        Assert.True(Speaker.IsAvailable, Speaker.Unavailable);
        var path = Path.Combine(Path.GetTempPath(), $"car-speak-{Guid.NewGuid():N}.wav");

        await Speaker.WriteWavAsync("已为您打开主驾车窗", path);
        var clip = await WavReader.ReadSpeechAsync(path);

        File.Delete(path);
        Assert.InRange(clip.Duration.TotalSeconds, 0.8, 6);
        Assert.True(TestAudio.Rms(clip.Samples) > 0.01);
    }

    [Fact]
    public async Task Synthesize_StreamsTheSameSpeechAsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-speak-{Guid.NewGuid():N}.wav");
        await Speaker.WriteWavAsync("已为您打开主驾车窗", path);
        var written = await File.ReadAllBytesAsync(path);
        File.Delete(path);

        using var streamed = new MemoryStream();
        await Speaker.SynthesizeAsync("已为您打开主驾车窗", streamed);

        // Same samples; only the header's sizes differ (a stream cannot go back to fill them in).
        Assert.Equal(written.Length, streamed.Length);
        Assert.Equal(written.AsSpan(44).ToArray(), streamed.ToArray().AsSpan(44).ToArray());
    }

    [Fact]
    public async Task Vad_SpeechMixedIntoSilenceAndNoise_CoveredWithin200MillisecondsAtEachEdge()
    {
        var speech = await SpeakAsync("打开车窗");
        var (audio, start, end) = Mix(speech, leadSeconds: 1.5, tailSeconds: 1.5, noise: 0.003);

        var segments = Vad.SpeechSegmenterTests.Segment(audio, new Car.Speech.Vad.VadOptions());

        var segment = Assert.Single(segments);
        Assert.InRange(segment.StartTime.TotalSeconds, start - 0.2, start + 0.2);
        Assert.InRange(segment.EndTime.TotalSeconds, end - 0.2, end + 0.2);
    }

    private static async Task<float[]> SpeakAsync(string text)
    {
        Assert.True(Speaker.IsAvailable, Speaker.Unavailable);
        var path = Path.Combine(Path.GetTempPath(), $"car-vad-{Guid.NewGuid():N}.wav");
        await Speaker.WriteWavAsync(text, path);
        var clip = await WavReader.ReadSpeechAsync(path);
        File.Delete(path);
        return clip.Samples;
    }

    /// <summary>Speech placed after silence with noise; returns where the speech really starts and ends (trimmed of espeak's own silence).</summary>
    private static (float[] Audio, double Start, double End) Mix(float[] speech, double leadSeconds, double tailSeconds, double noise)
    {
        var first = Array.FindIndex(speech, s => Math.Abs(s) > 0.02);
        var last = Array.FindLastIndex(speech, s => Math.Abs(s) > 0.02);
        var random = new Random(3);
        var lead = (int)(leadSeconds * 16_000);
        var audio = new float[lead + speech.Length + (int)(tailSeconds * 16_000)];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (float)((random.NextDouble() - 0.5) * 2 * noise);
        }

        for (var i = 0; i < speech.Length; i++)
        {
            audio[lead + i] += speech[i];
        }

        return (audio, (lead + first) / 16_000.0, (lead + last) / 16_000.0);
    }
}
