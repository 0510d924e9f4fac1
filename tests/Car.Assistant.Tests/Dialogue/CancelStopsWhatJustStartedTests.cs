using Car.Assistant.Dialogue;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// A bare 取消 right after the car started a route, music or a call stops it; with a question pending it only drops
/// the question, and it never reaches back past the request just made or past a minute.
/// </summary>
public sealed class CancelStopsWhatJustStartedTests
{
    [Fact]
    public async Task CancelAfterStartingARoute_TheRouteEnds()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航去首都机场");
        var cancel = await harness.SayAsync("取消");

        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Equal("已结束导航", cancel.Reply);
    }

    [Fact]
    public async Task CancelAfterStartingMusic_TheMusicStops()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("播放稻香");
        var cancel = await harness.SayAsync("算了");

        Assert.Equal("STOP", (await harness.Car.GetAsync(VssPaths.MediaAction)).AsString());
        Assert.Equal("已暂停播放", cancel.Reply);
    }

    [Fact]
    public async Task CancelAfterPlacingACall_TheCallEnds()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("打电话给老王");
        await harness.SayAsync("取消");

        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
    }

    [Fact]
    public async Task WavingTheAssistantOffAfterStartingARoute_TheRouteGoesOn()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航去首都机场");
        var wave = await harness.SayAsync("没事了");

        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Equal(Conversation.Cancelled, wave.Reply);
        Assert.Empty(wave.Actions);
    }

    [Fact]
    public async Task CancelAfterAnotherRequest_TheRouteStartedBeforeItGoesOn()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航去首都机场");
        await harness.SayAsync("空调调到二十四度");
        var cancel = await harness.SayAsync("取消");

        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Empty(cancel.Actions);
    }

    [Fact]
    public async Task CancelAnsweringTheDestinationQuestion_DropsTheQuestionAndTheRouteBeforeGoesOn()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航去首都机场");
        var asked = await harness.SayAsync("导航");
        var cancel = await harness.SayAsync("取消");

        Assert.NotNull(asked.Ask);
        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }

    [Fact]
    public async Task CancelAMinuteAfterTheRouteStarted_TheRouteGoesOn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch + TimeSpan.FromDays(20_000));
        using var harness = new ConversationHarness(services: services => services.AddSingleton<TimeProvider>(clock));

        await WhileTimePassesAsync(clock, harness.SayAsync("导航去首都机场"));
        clock.Advance(StartedActivity.Fresh + TimeSpan.FromSeconds(1));
        var cancel = await WhileTimePassesAsync(clock, harness.SayAsync("取消"));

        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }

    /// <summary>Lets fake time run (10 ms steps) while a turn waits for the car to confirm.</summary>
    private static async Task<T> WhileTimePassesAsync<T>(FakeTimeProvider clock, Task<T> turn)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!turn.IsCompleted && DateTime.UtcNow < limit)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        return await turn;
    }
}
