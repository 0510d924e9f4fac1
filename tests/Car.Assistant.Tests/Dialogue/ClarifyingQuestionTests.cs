using Car.Assistant.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>A request the parser is not sure of is asked back; only the driver's yes makes the car act on it.</summary>
public sealed class ClarifyingQuestionTests
{
    private const string DriverWindow = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";

    [Fact]
    public async Task WeakSongPhrasing_AsksWhatToPlayAndPlaysNothing()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("歌曲海边的灯塔");

        Assert.Equal("您是要播放海边的灯塔吗？", report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal("STOP", (await harness.Car.GetAsync(VssPaths.MediaAction)).AsString());
    }

    [Fact]
    public async Task WeakSongPhrasing_YesPlaysIt()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("歌曲海边的灯塔");
        var yes = await harness.SayAsync("确定");

        Assert.Contains(yes.Actions, a => a.Signal == VssPaths.MediaSelectedUri && a.Confirmed);
        Assert.Equal("PLAY", (await harness.Car.GetAsync(VssPaths.MediaAction)).AsString());
        Assert.Equal("好的，为您播放海边的灯塔", yes.Reply);
    }

    [Fact]
    public async Task WeakSongPhrasing_CancelPlaysNothing()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("歌曲海边的灯塔");
        var cancel = await harness.SayAsync("算了");
        var lateYes = await harness.SayAsync("确定");

        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Empty(lateYes.Actions);
        Assert.Equal("STOP", (await harness.Car.GetAsync(VssPaths.MediaAction)).AsString());
    }

    [Fact]
    public async Task MisheardWindowInRain_AsksTheMeaningThenTheRainQuestion()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);

        var meaning = await harness.SayAsync("打开车穿");
        var rain = await harness.SayAsync("确定");
        var windowAfterFirstYes = await harness.NumberAsync(DriverWindow);
        var opened = await harness.SayAsync("确定");

        Assert.Equal("您是要打开车窗吗？", meaning.Ask);
        Assert.Empty(rain.Actions);
        Assert.NotNull(rain.Ask);
        Assert.NotEqual(meaning.Ask, rain.Ask);
        Assert.Equal(0, windowAfterFirstYes);
        Assert.True(Assert.Single(opened.Actions).Confirmed);
        Assert.Equal(100, await harness.NumberAsync(DriverWindow));
    }
}
