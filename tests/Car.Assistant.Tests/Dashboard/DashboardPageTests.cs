using Car.Speech.Output;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Car.Assistant.Tests.Dashboard;

/// <summary>
/// The dashboard as a developer uses it, in Chromium against a real <c>car serve</c>: what is typed or uploaded
/// shows in the cabin drawing and the request log.
/// </summary>
[Collection(DashboardTests.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    /// <summary>The glass colour of dashboard.css (<c>--glass</c>), and the dark of an open frame (<c>--open</c>).</summary>
    private static readonly (byte, byte, byte) Glass = (0x4f, 0xa3, 0xe0);
    private static readonly (byte, byte, byte) Open = (0x0b, 0x0f, 0x14);

    [Fact]
    public async Task Page_SayStuffyWhenParked_DriverWindowDrawnTwentyPercentOpenAndTheTurnLogged()
    {
        var page = await fixture.OpenAsync();
        await page.SelectOptionAsync("#scenario", "parked");
        await page.ClickAsync("#apply-scenario");
        await Assertions.Expect(page.Locator("#speed")).ToHaveTextAsync("0 km/h");
        await Assertions.Expect(page.Locator("#window-label-fl")).ToHaveTextAsync("0%");
        var frame = (await page.Locator("#window-fl").BoundingBoxAsync())!;
        var glassBefore = (await page.Locator("#glass-fl").BoundingBoxAsync())!;
        var pixelsBefore = await FramePixelsAsync(page, frame);

        await page.FillAsync("#utterance", "有点闷");
        await page.PressAsync("#utterance", "Enter");

        await Assertions.Expect(page.Locator("#reply")).ToHaveTextAsync("已为您打开主驾车窗 20%");
        await Assertions.Expect(page.Locator("#window-label-fl")).ToHaveTextAsync("20%");
        var glassAfter = (await page.Locator("#glass-fl").BoundingBoxAsync())!;
        var pixelsAfter = await FramePixelsAsync(page, frame);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "dashboard-stuffy.png") });
        var logged = page.Locator("#log .turn").Filter(new LocatorFilterOptions { HasText = "有点闷" }).First;

        // The glass starts a fifth of the frame lower and covers a fifth less of it, in the layout and on screen.
        Assert.InRange(glassAfter.Y - glassBefore.Y, 0.15 * frame.Height, 0.25 * frame.Height);
        Assert.InRange(glassAfter.Height / glassBefore.Height, 0.75, 0.85);
        Assert.InRange((double)pixelsAfter.Glass / pixelsBefore.Glass, 0.7, 0.9);
        Assert.True(pixelsAfter.Open > pixelsBefore.Open + (0.1 * pixelsBefore.Glass), $"open frame pixels {pixelsBefore.Open} → {pixelsAfter.Open}");
        await Assertions.Expect(logged.Locator(".stage-parse")).ToContainTextAsync("rules: comfort.stuffy");
        await Assertions.Expect(logged.Locator(".stage-actuate")).ToContainTextAsync("Window.Position=20 Confirmed");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Page_NoVoiceSession_NoTalkButton()
    {
        var page = await fixture.OpenAsync();

        await Assertions.Expect(page.Locator("#talk")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Page_SwitchToHighwayThenOpenTrunk_RefusalInTheLog()
    {
        var page = await fixture.OpenAsync();

        await page.SelectOptionAsync("#scenario", "highway");
        await page.ClickAsync("#apply-scenario");
        await Assertions.Expect(page.Locator("#speed")).ToHaveTextAsync("110 km/h");
        await page.FillAsync("#utterance", "打开后备箱");
        await page.ClickAsync("#say");

        var logged = page.Locator("#log .turn").Filter(new LocatorFilterOptions { HasText = "打开后备箱" }).First;
        await Assertions.Expect(logged.Locator(".stage-policy .refused")).ToContainTextAsync("trunk.open: 行驶中不能打开后备箱");
        await Assertions.Expect(page.Locator("#reply")).ToHaveTextAsync("行驶中不能打开后备箱，请停车挂 P 挡后再试");
        Assert.Equal("trunk", await page.Locator("#trunk").GetAttributeAsync("class"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Page_UploadSpokenWavWithoutWhisperModel_ClearErrorAndTheVadStageInTheLog()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        Assert.True(speaker.IsAvailable, speaker.Unavailable);
        var wav = Path.Combine(Path.GetTempPath(), $"car-dashboard-{Guid.NewGuid():N}.wav");
        await speaker.WriteWavAsync("打开车窗", wav);
        var page = await fixture.OpenAsync();

        await page.SetInputFilesAsync("#wav", wav);

        await Assertions.Expect(page.Locator("#reply")).ToHaveTextAsync(
            "WAV turns need speech recognition: no ASR model (--asr-model FILE or Asr:ModelPath)");
        Assert.Equal("reply error", await page.Locator("#reply").GetAttributeAsync("class"));
        var logged = page.Locator("#log .turn").Filter(new LocatorFilterOptions { HasText = "WAV turns need speech recognition" }).First;
        await Assertions.Expect(logged.Locator(".stage-vad")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"[1-9] utterance\(s\)"));
        File.Delete(wav);
        await page.CloseAsync();
    }

    /// <summary>The driver window's frame on screen: how many pixels show glass and how many the open frame.</summary>
    private static async Task<(int Glass, int Open)> FramePixelsAsync(IPage page, LocatorBoundingBoxResult frame)
    {
        var png = PngImage.Decode(await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = frame.X, Y = frame.Y, Width = frame.Width, Height = frame.Height },
        }));
        return (png.Count(0, 0, png.Width, png.Height, Glass), png.Count(0, 0, png.Width, png.Height, Open));
    }
}
