using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Testing;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Tests.Cli;

/// <summary><c>car --listen</c>: always listening to the ALSA "microphone" the test defines, answering what it heard.</summary>
public sealed class VoiceSessionServiceTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("car-voice-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task VoiceSession_AlwaysListening_AnswersWhatItHeard()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var wav = Path.Combine(_home, "speech.wav");
        await speaker.WriteWavAsync("打开车窗", wav);
        var speech = (await WavReader.ReadSpeechAsync(wav)).Samples;
        var device = await AlsaFilePcm.ConfigureAsync(_home, [.. new float[16_000], .. speech, .. new float[16_000]]);

        var (output, errors) = await CarProcess.RunUntilAsync(
            new Dictionary<string, string> { ["HOME"] = _home }, "ask:", TimeSpan.FromSeconds(60),
            "--listen", "--asr-model", TestWhisperModel.Path, "--set", $"Capture:Device={device}");

        Assert.True(output.Contains("ask:     没听清，请再说一遍", StringComparison.Ordinal), output + errors);
    }
}
