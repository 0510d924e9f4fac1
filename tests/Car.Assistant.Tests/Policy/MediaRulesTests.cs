using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

/// <summary>What the media player is asked to search for, and what the driver hears back.</summary>
public class MediaRulesTests
{
    [Fact]
    public async Task Play_TitleWithVersion_SearchesTheTitleAndTheVersion()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Do("播放晚风吹过dj版");

        Assert.Equal("好的，为您播放晚风吹过 dj", decision.Reply);
        Assert.Equal("search:晚风吹过 dj", (await harness.Car.GetAsync(VssPaths.MediaSelectedUri)).AsString());
        Assert.Equal("PLAY", (await harness.Car.GetAsync(VssPaths.MediaAction)).AsString());
    }

    [Theory]
    [InlineData("音量调到一百五", "音量范围是 0–100，请说其中的一个数")]
    [InlineData("屏幕亮度调到两百", "屏幕亮度范围是 0–100，请说其中的一个数")]
    public async Task SetLevel_OutOfRange_ChangesNothingAndSaysTheRange(string said, string reply)
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        var volume = await harness.Car.GetAsync(VssPaths.MediaVolume);
        var brightness = await harness.Car.GetAsync(VssPaths.ScreenBrightness);

        var decision = harness.Do(said);

        Assert.Equal(reply, decision.Reply);
        Assert.Empty(decision.Actions);
        Assert.Equal(volume.AsNumber(), (await harness.Car.GetAsync(VssPaths.MediaVolume)).AsNumber());
        Assert.Equal(brightness.AsNumber(), (await harness.Car.GetAsync(VssPaths.ScreenBrightness)).AsNumber());
    }

    [Fact]
    public async Task Play_GenreAlone_SearchesTheGenre()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Do("来点摇滚音乐");

        Assert.Equal("好的，为您播放摇滚", decision.Reply);
        Assert.Equal("search:摇滚", (await harness.Car.GetAsync(VssPaths.MediaSelectedUri)).AsString());
    }
}
