using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Car.Assistant.Tests.Cli;
using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Car.Assistant.Tests.Dashboard;

/// <summary>
/// Push-to-talk through the dashboard's HTTP API: a real <c>car serve --listen</c> whose microphone is the ALSA
/// file PCM, fed through a named pipe so that the test says each piece of audio when it chooses. Speech while the
/// button is up is not heard; after <c>POST /api/talk</c> it is a turn, and the VAD releases the button; the page's
/// hold-to-talk button presses and releases the same button.
/// </summary>
public sealed class TalkFeedTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("car-talk-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Talk_PushToTalk_SpeechIsHeardOnlyAfterThePressTheVadReleasesTheButtonAndThePageWorksIt()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var wav = Path.Combine(_home, "speech.wav");
        await speaker.WriteWavAsync("打开车窗", wav);
        var speech = (await WavReader.ReadSpeechAsync(wav)).Samples;
        await using var microphone = await AlsaFifoMicrophone.CreateAsync(_home);
        await using var car = await ServeAsync("PushToTalk");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var events = car.ReadEventsAsync(limit.Token);

        // Said with the button up: the whole command, then enough silence to push it through to the car.
        var first = await events.WaitForAsync("talk", _ => true, limit.Token);
        await microphone.SayAsync([.. new float[8_000], .. speech, .. AlsaFifoMicrophone.Flush], limit.Token);
        using var unheard = JsonDocument.Parse(await car.Http.GetStringAsync("api/turns", limit.Token));

        using var pressed = await car.Http.PostAsync("api/talk", null, limit.Token);
        var pressedAnswer = await pressed.Content.ReadAsStringAsync(limit.Token);
        var heldEvent = await events.WaitForAsync("talk", t => t.GetProperty("held").GetBoolean(), limit.Token);
        var saying = microphone.SayAsync([.. speech, .. new float[16_000], .. AlsaFifoMicrophone.Flush], limit.Token);
        var releasedEvent = await events.WaitForAsync("talk", t => !t.GetProperty("held").GetBoolean(), limit.Token);
        var turn = await events.WaitForAsync("turn", IsVoice, limit.Token);
        await saying;
        using var after = JsonDocument.Parse(await car.Http.GetStringAsync("api/talk", limit.Token));
        using var turns = JsonDocument.Parse(await car.Http.GetStringAsync("api/turns", limit.Token));

        // The page's hold-to-talk button works the same button.
        Assert.True(File.Exists(DashboardFixture.Chromium), $"chromium is not installed at {DashboardFixture.Chromium} (apt-get install chromium)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DashboardFixture.Chromium, Headless = true });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(car.Http.BaseAddress!.ToString());
        var button = page.Locator("#talk");
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.HoverAsync();
        await page.Mouse.DownAsync();
        var pagePressed = await events.WaitForAsync("talk", t => t.GetProperty("held").GetBoolean(), limit.Token);
        await Assertions.Expect(button).ToHaveClassAsync("held");
        await page.Mouse.UpAsync();
        var pageReleased = await events.WaitForAsync("talk", t => !t.GetProperty("held").GetBoolean(), limit.Token);
        await Assertions.Expect(button).ToHaveTextAsync("按住说话");

        Assert.Equal("pushToTalk", first.GetProperty("mode").GetString());
        Assert.False(first.GetProperty("held").GetBoolean());
        Assert.DoesNotContain(unheard.RootElement.EnumerateArray(), IsVoice);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("""{"mode":"pushToTalk","held":true}""", pressedAnswer);
        Assert.Equal("pushToTalk", heldEvent.GetProperty("mode").GetString());
        Assert.Contains(turn.GetProperty("stages").EnumerateArray(), s => s.GetProperty("name").GetString() == "asr");
        Assert.Equal("pushToTalk", releasedEvent.GetProperty("mode").GetString());
        Assert.False(after.RootElement.GetProperty("held").GetBoolean());
        Assert.Equal(turn.GetProperty("id").GetString(), Assert.Single(turns.RootElement.EnumerateArray(), IsVoice).GetProperty("id").GetString());
        Assert.True(pagePressed.GetProperty("held").GetBoolean());
        Assert.False(pageReleased.GetProperty("held").GetBoolean());
    }

    private static bool IsVoice(JsonElement turn) => turn.GetProperty("input").GetString() == "voice";

    [Fact]
    public async Task Talk_AlwaysListening_PressAndRelease409AndTheModeSaysWhy()
    {
        await using var microphone = await AlsaFifoMicrophone.CreateAsync(_home);
        await using var car = await ServeAsync("Always");

        using var state = JsonDocument.Parse(await car.Http.GetStringAsync("api/talk"));
        using var press = await car.Http.PostAsync("api/talk", null);
        using var pressAnswer = JsonDocument.Parse(await press.Content.ReadAsStringAsync());
        using var release = await car.Http.DeleteAsync("api/talk");

        Assert.Equal("always", state.RootElement.GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.Conflict, press.StatusCode);
        Assert.Contains("Capture:Mode=PushToTalk", pressAnswer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, release.StatusCode);
    }

    /// <summary>Starts <c>car serve --listen</c> in <paramref name="mode"/> on the pipe's microphone, the dashboard on a free port.</summary>
    private async Task<ServedCar> ServeAsync(string mode)
    {
        var dashboard = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var process = await CarServeProcess.StartAsync(
            [
                "serve", "--listen",
                "--asr-model", TestWhisperModel.Path,
                "--set", $"Capture:Device={AlsaFifoMicrophone.Device}",
                "--set", $"Capture:Mode={mode}",
                "--set", $"Broker:Url=http://127.0.0.1:{LoopbackPort.Free()}",
                "--set", $"Dashboard:Url={dashboard}",
            ],
            new StringBuilder(),
            _home);
        return new ServedCar(process, new HttpClient { BaseAddress = new Uri(dashboard + "/"), Timeout = TimeSpan.FromSeconds(60) });
    }


    private sealed class ServedCar(Process process, HttpClient http) : IAsyncDisposable
    {
        public HttpClient Http => http;

        /// <summary>Opens <c>/api/events</c> and gathers its events as they come.</summary>
        public EventStream ReadEventsAsync(CancellationToken cancellationToken) => new(http, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>The SSE stream, read in the background; <see cref="WaitForAsync"/> finds an event among those read so far or still to come.</summary>
    private sealed class EventStream
    {
        private readonly List<(string Name, JsonElement Data)> _events = [];
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, int> _taken = [];

        public EventStream(HttpClient http, CancellationToken cancellationToken)
        {
            _ = ReadAsync(http, cancellationToken);
        }

        /// <summary>The next event named <paramref name="name"/> that matches, after the last one of that name waited for.</summary>
        public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> match, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task arrived;
                lock (_events)
                {
                    arrived = _arrived.Task;
                    for (var i = _taken.GetValueOrDefault(name); i < _events.Count; i++)
                    {
                        if (_events[i].Name == name && match(_events[i].Data))
                        {
                            _taken[name] = i + 1;
                            return _events[i].Data;
                        }
                    }
                }

                await arrived.WaitAsync(cancellationToken);
            }
        }

        private async Task ReadAsync(HttpClient http, CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            string? name = null;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (name is not null && line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    TaskCompletionSource arrived;
                    lock (_events)
                    {
                        _events.Add((name, JsonDocument.Parse(line[6..]).RootElement.Clone()));
                        arrived = _arrived;
                        _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    arrived.TrySetResult();
                }
            }
        }
    }
}
