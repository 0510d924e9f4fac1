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

    [Fact]
    public async Task Play_GenreAlone_SearchesTheGenre()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Do("来点摇滚音乐");

        Assert.Equal("好的，为您播放摇滚", decision.Reply);
        Assert.Equal("search:摇滚", (await harness.Car.GetAsync(VssPaths.MediaSelectedUri)).AsString());
    }
}
