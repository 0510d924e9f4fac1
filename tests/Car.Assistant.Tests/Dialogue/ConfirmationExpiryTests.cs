using Car.Assistant.Dialogue;
using Car.Assistant.Policy;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// A question the assistant asked (in rain: open the window?) is answered by a 确定 only while it is fresh: the
/// conversation, the executor and the simulated car all run on one fake clock, so the test decides how long the
/// driver took.
/// </summary>
public sealed class ConfirmationExpiryTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    [Fact]
    public async Task Rain_YesAfter16Seconds_QuestionHasLapsedAndTheWindowStaysShut()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch + TimeSpan.FromDays(20_000));
        using var harness = new ConversationHarness(DrivingScenario.Rain, services => services.AddSingleton<TimeProvider>(clock));

        var asked = await harness.SayAsync("打开主驾车窗");
        clock.Advance(TimeSpan.FromSeconds(16));
        var yes = await ConversationHarness.WhileTimePassesAsync(clock, harness.SayAsync("确定"));

        Assert.NotNull(asked.Ask);
        Assert.Empty(yes.Actions);
        Assert.Equal(Conversation.ConfirmationLapsed, yes.Reply);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
    }

    [Fact]
    public async Task Rain_YesAfter14Seconds_TheWindowOpens()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch + TimeSpan.FromDays(20_000));
        using var harness = new ConversationHarness(DrivingScenario.Rain, services => services.AddSingleton<TimeProvider>(clock));

        await harness.SayAsync("打开主驾车窗");
        clock.Advance(TimeSpan.FromSeconds(14));
        var yes = await ConversationHarness.WhileTimePassesAsync(clock, harness.SayAsync("确定"));

        Assert.NotEqual(Conversation.ConfirmationLapsed, yes.Reply);
        Assert.Contains(yes.Actions, a => a.Signal == DriverWindow && a.Status == ActionStatus.Confirmed);
        Assert.True(await harness.NumberAsync(DriverWindow) > 0);
    }

    [Fact]
    public async Task Rain_RainStopsBeforeTheYes_QuestionHasLapsed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch + TimeSpan.FromDays(20_000));
        using var harness = new ConversationHarness(DrivingScenario.Rain, services => services.AddSingleton<TimeProvider>(clock));

        await harness.SayAsync("打开主驾车窗");
        harness.Car.SetSensor(VssPaths.RainIntensity, SignalValue.FromNumber(0));
        clock.Advance(TimeSpan.FromSeconds(2));
        var yes = await ConversationHarness.WhileTimePassesAsync(clock, harness.SayAsync("确定"));

        Assert.Equal(Conversation.ConfirmationLapsed, yes.Reply);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
    }
}
