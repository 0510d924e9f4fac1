using System.Text.Json;
using Car.Assistant.Dashboard;
using Car.Assistant.Tests.Dialogue;
using Car.Speech.Output;
using Car.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Tests.Dashboard;

/// <summary>A spoken turn through the dashboard's session with a real (random-weight) Whisper model, and its log entry.</summary>
public sealed class DashboardSessionTests
{
    [Fact]
    public async Task Wav_SpokenWithTheTestWhisperModel_AsksToRepeatAndTheLogShowsVadAndAsrWithTheirTimes()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        Assert.True(speaker.IsAvailable, speaker.Unavailable);
        var path = Path.Combine(Path.GetTempPath(), $"car-session-{Guid.NewGuid():N}.wav");
        await speaker.WriteWavAsync("打开车窗", path);
        var wav = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        using var harness = new ConversationHarness(
            services: s => s.AddCarSpeech().AddCarDashboard(),
            settings: new Dictionary<string, string?> { ["Asr:ModelPath"] = TestWhisperModel.Path });
        var log = harness.Get<TurnLog>();
        var session = harness.Get<DashboardSession>();

        var answer = await session.WavAsync(wav, CancellationToken.None);

        // The test model has random weights: it hears nothing it can be sure of, so the car asks to repeat.
        Assert.Equal(200, answer.Status);
        using var body = JsonDocument.Parse(answer.Json);
        Assert.Equal("没听清，请再说一遍", body.RootElement.GetProperty("ask").GetString());
        using var entry = JsonDocument.Parse(Assert.Single(log.Recent, e => e.Contains("\"input\":\"wav\"", StringComparison.Ordinal)));
        var stages = entry.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["vad", "asr"], stages.Select(s => s.GetProperty("name").GetString()));
        Assert.All(stages, s => Assert.True(s.GetProperty("ms").GetDouble() > 0));
        Assert.True(stages[0].GetProperty("tags").GetProperty("utterances").GetDouble() >= 1);
        Assert.Equal("没听清，请再说一遍", entry.RootElement.GetProperty("ask").GetString());
    }
}
