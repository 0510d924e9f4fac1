using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Speech.Vad;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Car.Speech.Tests.Vad;

/// <summary>Silero VAD through ONNX Runtime on the pinned model, with Mandarin speech made by espeak-ng.</summary>
public class SileroVoiceActivityDetectorTests
{
    [Fact]
    public async Task Segments_SpeechInSilenceAndNoise_CoveredWithin200MillisecondsAtEachEdge()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var path = Path.Combine(Path.GetTempPath(), $"car-silero-{Guid.NewGuid():N}.wav");
        await speaker.WriteWavAsync("副驾车窗开一半", path);
        var speech = (await WavReader.ReadSpeechAsync(path)).Samples;
        File.Delete(path);
        var first = Array.FindIndex(speech, s => Math.Abs(s) > 0.02);
        var last = Array.FindLastIndex(speech, s => Math.Abs(s) > 0.02);
        var random = new Random(11);
        var lead = 16_000 * 2;
        var audio = new float[lead + speech.Length + (16_000 * 2)];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (float)((random.NextDouble() - 0.5) * 0.01) + (i >= lead && i - lead < speech.Length ? speech[i - lead] : 0);
        }

        using var detector = SileroVoiceActivityDetector.Load(VoiceActivityDetectorFactory.DefaultModelPath);
        var segmenter = new SpeechSegmenter(detector, new VadOptions());
        var segments = segmenter.Push(audio).ToList();
        if (segmenter.Flush() is { } open)
        {
            segments.Add(open);
        }

        var segment = Assert.Single(segments);
        Assert.InRange(segment.StartTime.TotalSeconds, ((lead + first) / 16_000.0) - 0.2, ((lead + first) / 16_000.0) + 0.2);
        Assert.InRange(segment.EndTime.TotalSeconds, ((lead + last) / 16_000.0) - 0.2, ((lead + last) / 16_000.0) + 0.2);
    }

    [Fact]
    public void SpeechProbability_Silence_StaysLow()
    {
        using var detector = SileroVoiceActivityDetector.Load(VoiceActivityDetectorFactory.DefaultModelPath);

        var highest = Enumerable.Range(0, 30).Max(_ => detector.SpeechProbability(new float[512]));

        Assert.True(highest < 0.2, $"silence scored {highest}");
    }

    [Fact]
    public void Load_NotAModel_ClearErrorAndTheFactoryFallsBackToEnergy()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not onnx");

        var error = Assert.Throws<InvalidDataException>(() => SileroVoiceActivityDetector.Load(path));
        var fallback = new VoiceActivityDetectorFactory(Options.Create(new VadOptions { ModelPath = path }), NullLogger<VoiceActivityDetectorFactory>.Instance).Create();

        File.Delete(path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("energy", fallback.Name);
    }

    [Fact]
    public void Factory_PinnedModelBesideTheProgram_GivesSilero()
    {
        using var detector = new VoiceActivityDetectorFactory(Options.Create(new VadOptions()), NullLogger<VoiceActivityDetectorFactory>.Instance).Create();

        Assert.Equal("silero", detector.Name);
    }
}
