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

        await harness.SayAsync("播放远山的灯");
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

    /// <param name="between">What the driver says after the route started: another request, a request the car asks
    /// about (导航 alone: 您要去哪里？), or nothing.</param>
    /// <param name="cancel">A cancel (取消) or words that wave the assistant off (没事了).</param>
    [Theory]
    [InlineData("空调调到二十四度", "取消")]
    [InlineData("导航", "取消")]
    [InlineData(null, "没事了")]
    public async Task CancelNotRightAfterTheRoute_OrWavingTheAssistantOff_TheRouteGoesOn(string? between, string cancel)
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航去首都机场");
        if (between is not null)
        {
            await harness.SayAsync(between);
        }

        var cancelled = await harness.SayAsync(cancel);

        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Equal(Conversation.Cancelled, cancelled.Reply);
        Assert.Empty(cancelled.Actions);
    }

    [Fact]
    public async Task CancelAMinuteAfterTheRouteStarted_TheRouteGoesOn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch + TimeSpan.FromDays(20_000));
        using var harness = new ConversationHarness(services: services => services.AddSingleton<TimeProvider>(clock));

        await ConversationHarness.WhileTimePassesAsync(clock, harness.SayAsync("导航去首都机场"));
        clock.Advance(StartedActivity.Fresh + TimeSpan.FromSeconds(1));
        var cancel = await ConversationHarness.WhileTimePassesAsync(clock, harness.SayAsync("取消"));

        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }
}
