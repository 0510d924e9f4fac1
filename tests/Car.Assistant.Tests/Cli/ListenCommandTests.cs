using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Testing;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Tests.Cli;

/// <summary><c>car listen</c> as a user runs it: a WAV file or the ALSA "microphone" through every stage.</summary>
public sealed class ListenCommandTests : IDisposable
{
    private static readonly EspeakSpeaker Speaker = new(Options.Create(new SpeechOutputOptions()));
    private readonly string _home = Directory.CreateTempSubdirectory("car-listen-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Listen_EspeakRecording_PrintsEveryStageAndSaysAsrIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-listen-{Guid.NewGuid():N}.wav");
        await Speaker.WriteWavAsync("有点闷", path);

        var (exitCode, output, _) = await CarProcess.RunAsync([], "listen", "--wav", path);

        File.Delete(path);
        Assert.Equal(0, exitCode);
        Assert.Contains("s at 22050 Hz, resampled to 16 kHz mono", output, StringComparison.Ordinal);
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

    [Fact]
    public async Task Listen_WithAsrModel_RunsEveryStageAndAsksToRepeatWhenUnsure()
    {
        var wav = Path.Combine(Path.GetTempPath(), $"car-listen-asr-{Guid.NewGuid():N}.wav");
        await Speaker.WriteWavAsync("打开车窗", wav);

        var (exitCode, output, _) = await CarProcess.RunAsync([], "listen", "--wav", wav, "--asr-model", TestWhisperModel.Path);

        File.Delete(wav);
        Assert.Equal(0, exitCode);
        Assert.Contains("vad:    silero, 1 utterance(s)", output, StringComparison.Ordinal);
        Assert.Contains("asr:    \"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<unused_", output, StringComparison.Ordinal);
        Assert.Contains("没听清，请再说一遍", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_Json_StdoutIsJsonLinesOnly()
    {
        var wav = Path.Combine(Path.GetTempPath(), $"car-listen-json-{Guid.NewGuid():N}.wav");
        await Speaker.WriteWavAsync("打开车窗", wav);

        var (exitCode, output, errors) = await CarProcess.RunAsync([], "listen", "--json", "--wav", wav, "--asr-model", TestWhisperModel.Path);

        File.Delete(wav);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
        Assert.Contains("vad:    silero, 1 utterance(s)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_FromTheMicrophone_FindsTheUtterance()
    {
        var wav = Path.Combine(_home, "speech.wav");
        await Speaker.WriteWavAsync("打开车窗", wav);
        var speech = (await WavReader.ReadSpeechAsync(wav)).Samples;
        var device = await AlsaFilePcm.ConfigureAsync(_home, [.. new float[16_000], .. speech, .. new float[24_000]]);

        var (exitCode, output, _) = await CarProcess.RunAsync([], new Dictionary<string, string> { ["HOME"] = _home }, "listen", "--device", device, "--seconds", "5");

        Assert.Equal(0, exitCode);
        Assert.Contains("vad:    utterance 0.9", output, StringComparison.Ordinal);
        Assert.Contains("asr:    no ASR model", output, StringComparison.Ordinal);
    }
}
