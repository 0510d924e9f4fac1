using Car.Assistant.Speech.Audio;
using Car.Assistant.Speech.Output;
using Car.Assistant.Tests.Cli;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Tests.Speech;

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
    public async Task Vad_SpeechMixedIntoSilenceAndNoise_CoveredWithin200MillisecondsAtEachEdge()
    {
        var speech = await SpeakAsync("打开车窗");
        var (audio, start, end) = Mix(speech, leadSeconds: 1.5, tailSeconds: 1.5, noise: 0.003);

        var segments = SpeechSegmenterTests.Segment(audio, new Car.Assistant.Speech.Vad.VadOptions());

        var segment = Assert.Single(segments);
        Assert.InRange(segment.StartTime.TotalSeconds, start - 0.2, start + 0.2);
        Assert.InRange(segment.EndTime.TotalSeconds, end - 0.2, end + 0.2);
    }

    [Fact]
    public async Task Listen_EspeakRecording_PrintsEveryStageAndSaysAsrIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-listen-{Guid.NewGuid():N}.wav");
        await Speaker.WriteWavAsync("有点闷", path);

        var (exitCode, output, _) = await CarProcess.RunAsync([], "listen", "--wav", path);

        File.Delete(path);
        Assert.Equal(0, exitCode);
        Assert.Contains("audio:", output, StringComparison.Ordinal);
        Assert.Contains("vad:    silero, 1 utterance(s)", output, StringComparison.Ordinal);
        Assert.Contains("asr:    no ASR model (--asr-model FILE); stopping after VAD", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_OnlySilenceAndHum_SaysNoSpeechWasFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-quiet-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(path, TestAudio.Wav([TestAudio.Tone(50, 16_000, 3, amplitude: 0.002)], 16_000, 1, 16));

        var (exitCode, output, _) = await CarProcess.RunAsync([], "listen", "--wav", path);

        File.Delete(path);
        Assert.Equal(0, exitCode);
        Assert.Contains("0 utterance(s)", output, StringComparison.Ordinal);
        Assert.Contains("no speech found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_NotAWav_OneLineError()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "not audio");

        var (exitCode, _, errors) = await CarProcess.RunAsync([], "listen", "--wav", path);

        File.Delete(path);
        Assert.Equal(2, exitCode);
        Assert.Contains("is not a WAV file", errors, StringComparison.Ordinal);
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
