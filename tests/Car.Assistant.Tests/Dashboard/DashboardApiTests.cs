using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Car.Testing;
using Car.VehicleBus.Signals;
using Xunit.Abstractions;

namespace Car.Assistant.Tests.Dashboard;

/// <summary>The dashboard's HTTP API as curl uses it, against a real <c>car serve</c>.</summary>
[Collection(DashboardTests.Name)]
public sealed class DashboardApiTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private static readonly string DriverSetpoint = VssPaths.HvacTemperature(VssPlaces.DriverStation);

    [Fact]
    public async Task Turns_JsonText_AnswersTheTurnReportAndStateShowsTheSetpoint()
    {
        await fixture.ScenarioAsync("parked");

        var (status, report) = await PostAsync("api/turns", "{\"text\":\"空调调到二十二度\"}", "application/json");
        using var state = JsonDocument.Parse(await fixture.Http.GetStringAsync("api/state"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("空调调到二十二度", report.RootElement.GetProperty("text").GetString());
        Assert.Contains(report.RootElement.GetProperty("actions").EnumerateArray(), a => a.GetProperty("signal").GetString() == DriverSetpoint);
        Assert.Equal(22, state.RootElement.GetProperty(DriverSetpoint).GetDouble());
    }

    [Theory]
    [InlineData("{\"speed\":\"fast\"}", "speed must be a number, not \"fast\"")]
    [InlineData("{\"speed\":300}", "speed must be from 0 to 250 km/h, not 300")]
    [InlineData("{\"scenario\":\"moon\"}", "scenario must be one of parked, city, highway, rain, not \"moon\"")]
    [InlineData("{\"wind\":3}", "unknown field 'wind'; the fields are scenario, speed, gear, rain, outsideTemperature")]
    [InlineData("speed=100", "the body is not JSON")]
    public async Task Scenario_BadInput_400WithOneClearMessageAndNothingChanged(string body, string message)
    {
        await fixture.ScenarioAsync("city");

        var (status, answer) = await PutAsync("api/scenario", body);
        using var state = JsonDocument.Parse(await fixture.Http.GetStringAsync("api/state"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, answer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(40, state.RootElement.GetProperty(VssPaths.Speed).GetDouble());
    }

    [Fact]
    public async Task Scenario_SingleValues_SensorsTakeThem()
    {
        var (status, state) = await PutAsync("api/scenario", "{\"scenario\":\"parked\",\"speed\":100,\"gear\":\"D\",\"rain\":60,\"outsideTemperature\":31.5}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(100, state.RootElement.GetProperty(VssPaths.Speed).GetDouble());
        Assert.Equal(VssGears.Drive, state.RootElement.GetProperty(VssPaths.SelectedGear).GetDouble());
        Assert.Equal(60, state.RootElement.GetProperty(VssPaths.RainIntensity).GetDouble());
        Assert.Equal(31.5, state.RootElement.GetProperty(VssPaths.OutsideTemperature).GetDouble());
    }

    [Fact]
    public async Task Turns_MalformedWav_400WithTheReasonAndTheServerStillAnswers()
    {
        var (status, answer) = await PostAsync("api/turns", "RIFF\u0004\0\0\0WAVEjunk", "audio/wav");
        var (cut, cutAnswer) = await PostBytesAsync("api/turns", TestAudio.Wav([TestAudio.Tone(440, 16_000, 0.5)], 16_000, 1, 16)[..30], "audio/wav");
        using var state = await fixture.Http.GetAsync("api/state");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("the uploaded WAV", answer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cut);
        Assert.StartsWith("the uploaded WAV", cutAnswer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
    }

    [Fact]
    public async Task Turns_EmptyTextOrOtherContentType_400And415()
    {
        var (empty, emptyAnswer) = await PostAsync("api/turns", "{\"text\":\"  \"}", "application/json");
        var (other, otherAnswer) = await PostAsync("api/turns", "<say/>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.StartsWith("the text is empty", emptyAnswer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, other);
        Assert.Contains("audio/wav", otherAnswer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_StuckSunroof_TurnReportsNotDoneUntilRepaired()
    {
        await fixture.ScenarioAsync("parked");

        var (set, faults) = await PutAsync("api/faults", $"{{\"path\":\"{VssPaths.SunroofPosition}\",\"fault\":\"stuck\"}}");
        var (_, stuck) = await PostAsync("api/turns", "{\"text\":\"打开天窗\"}", "application/json");
        var (repair, repaired) = await PutAsync("api/faults", $"{{\"path\":\"{VssPaths.SunroofPosition}\",\"fault\":\"none\"}}");
        var (_, works) = await PostAsync("api/turns", "{\"text\":\"打开天窗\"}", "application/json");
        var (bad, badAnswer) = await PutAsync("api/faults", $"{{\"path\":\"{VssPaths.Speed}\",\"fault\":\"stuck\"}}");
        await PostAsync("api/turns", "{\"text\":\"关闭天窗\"}", "application/json");

        Assert.Equal(HttpStatusCode.OK, set);
        Assert.Equal("stuck", faults.RootElement.GetProperty(VssPaths.SunroofPosition).GetString());
        var action = Sunroof(stuck);
        Assert.False(action.GetProperty("confirmed").GetBoolean());
        Assert.Equal("not_done", action.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, repair);
        Assert.False(repaired.RootElement.TryGetProperty(VssPaths.SunroofPosition, out _));
        Assert.True(Sunroof(works).GetProperty("confirmed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("sensor", badAnswer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_TextTurn_StreamCarriesTheTurnWithItsStagesAndTheNewState()
    {
        await fixture.ScenarioAsync("parked");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/events");
        using var response = await fixture.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event: state", await reader.ReadLineAsync());

        var clock = Stopwatch.StartNew();
        var post = PostAsync("api/turns", "{\"text\":\"空调调到二十三度\"}", "application/json");
        JsonElement turn = default;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? name = null;
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (name == "turn" && line.StartsWith("data: ", StringComparison.Ordinal)
                && JsonDocument.Parse(line[6..]).RootElement is { } entry && entry.GetProperty("text").GetString() == "空调调到二十三度")
            {
                turn = entry;
                break;
            }
        }

        var arrived = clock.Elapsed;
        var (status, _) = await post;
        output.WriteLine($"turn event {arrived.TotalMilliseconds:F0} ms after the POST was sent; turn {turn.GetProperty("ms").GetDouble()} ms");

        Assert.Equal(HttpStatusCode.OK, status);
        var stages = turn.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["parse", "policy", "actuate"], stages);
        Assert.All(turn.GetProperty("stages").EnumerateArray(), s => Assert.True(s.GetProperty("ms").GetDouble() > 0));
    }

    [Fact]
    public async Task Talk_NoVoiceSession_ModeOffAndPressing409WithHowToStartOne()
    {
        using var state = JsonDocument.Parse(await fixture.Http.GetStringAsync("api/talk"));
        var (press, pressAnswer) = await PostAsync("api/talk", string.Empty, "application/json");
        using var release = await fixture.Http.DeleteAsync("api/talk");

        Assert.Equal("off", state.RootElement.GetProperty("mode").GetString());
        Assert.False(state.RootElement.GetProperty("held").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, press);
        Assert.Contains("car serve --listen", pressAnswer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, release.StatusCode);
    }

    private static JsonElement Sunroof(JsonDocument report) =>
        report.RootElement.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("signal").GetString() == VssPaths.SunroofPosition);

    private async Task<(HttpStatusCode, JsonDocument)> PostAsync(string path, string body, string type) =>
        await PostBytesAsync(path, Encoding.UTF8.GetBytes(body), type);

    private async Task<(HttpStatusCode, JsonDocument)> PostBytesAsync(string path, byte[] body, string type)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        using var response = await fixture.Http.PostAsync(path, content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<(HttpStatusCode, JsonDocument)> PutAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PutAsync(path, content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
