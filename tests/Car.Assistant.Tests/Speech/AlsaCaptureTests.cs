using System.Buffers.Binary;
using Car.Assistant.Speech.Audio;
using Car.Assistant.Speech.Capture;
using Car.Assistant.Speech.Output;
using Car.Assistant.Tests.Cli;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Tests.Speech;

/// <summary>
/// Live capture for real through ALSA (arecord, installed by .ci/run): a file PCM defined by the test plays
/// espeak-ng speech as if a microphone heard it. ALSA finds the test's .asoundrc through HOME, which one test
/// changes for the whole process: the class runs alone.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class AlsaCaptureTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("car-alsa-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task CaptureAsync_FilePcm_YieldsTheRecordedSamples()
    {
        var device = await ConfigureAsync(TestAudio.Tone(440, 16_000, 0.5));
        var previous = Environment.GetEnvironmentVariable("HOME");
        Environment.SetEnvironmentVariable("HOME", _home);
        var samples = new List<float>();
        try
        {
            var capture = new AlsaCapture(Options.Create(new CaptureOptions { Device = device }));
            await foreach (var chunk in capture.CaptureAsync())
            {
                samples.AddRange(chunk);
                if (samples.Count >= 8000)
                {
                    break;
                }
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", previous);
        }

        Assert.True(samples.Count >= 8000);
        Assert.InRange(TestAudio.Frequency([.. samples.Take(8000)], 16_000), 435, 445);
    }

    [Fact]
    public async Task CaptureAsync_UnknownDevice_ClearError()
    {
        var capture = new AlsaCapture(Options.Create(new CaptureOptions { Device = "car-no-such-device" }));

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in capture.CaptureAsync())
            {
            }
        });

        Assert.Contains("car-no-such-device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_FromTheMicrophone_FindsTheUtterance()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var wav = Path.Combine(_home, "speech.wav");
        await speaker.WriteWavAsync("打开车窗", wav);
        var speech = (await WavReader.ReadSpeechAsync(wav)).Samples;
        var device = await ConfigureAsync([.. new float[16_000], .. speech, .. new float[24_000]]);

        var (exitCode, output, _) = await CarProcess.RunAsync([], new Dictionary<string, string> { ["HOME"] = _home }, "listen", "--device", device, "--seconds", "5");

        Assert.Equal(0, exitCode);
        Assert.Contains("vad:    utterance 0.9", output, StringComparison.Ordinal);
        Assert.Contains("asr:    no ASR model", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoiceSession_AlwaysListening_AnswersWhatItHeard()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var wav = Path.Combine(_home, "speech.wav");
        await speaker.WriteWavAsync("打开车窗", wav);
        var speech = (await WavReader.ReadSpeechAsync(wav)).Samples;
        var device = await ConfigureAsync([.. new float[16_000], .. speech, .. new float[16_000]]);
        var model = Path.Combine(_home, "whisper.bin");
        await Car.Assistant.Speech.Whisper.ModelWriting.RandomWhisperWriter.WriteAsync(
            Car.Assistant.Speech.Whisper.ModelWriting.WhisperShape.Test, "车窗", model);

        var (_, output, errors) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["HOME"] = _home }, TimeSpan.FromSeconds(8),
            "--listen", "--asr-model", model, "--set", $"Capture:Device={device}");

        Assert.True(output.Contains("ask:     没听清，请再说一遍", StringComparison.Ordinal), output + errors);
    }

    /// <summary>Writes 16 kHz S16 raw audio and an .asoundrc whose PCM "cartest" records it.</summary>
    private async Task<string> ConfigureAsync(float[] audio)
    {
        var raw = Path.Combine(_home, "input.raw");
        var bytes = new byte[audio.Length * 2];
        for (var i = 0; i < audio.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Clamp(audio[i] * 32767, short.MinValue, short.MaxValue));
        }

        await File.WriteAllBytesAsync(raw, bytes);
        await File.WriteAllTextAsync(Path.Combine(_home, ".asoundrc"), $$"""
            pcm.cartest {
              type file
              slave.pcm "null"
              file "/dev/null"
              infile "{{raw}}"
              format "raw"
            }
            """);
        return "cartest";
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "process environment";
}
