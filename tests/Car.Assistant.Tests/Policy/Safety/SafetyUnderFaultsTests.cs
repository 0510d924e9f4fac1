using Car.Assistant.Dialogue;
using Car.Assistant.Policy;
using Car.Assistant.Tests.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Tests.Policy.Safety;

/// <summary>
/// The cases an adversarial tester found, each as the driver meets it: the car must not open or unlock when it
/// must not, and must say what really happened.
/// </summary>
public sealed class SafetyUnderFaultsTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);
    private static readonly string DriverDoorLock = VssPaths.DoorLocked(VssPlaces.DriverSide);

    [Fact]
    public async Task Rain_WindowAndSunroofInOneUtterance_NothingOpensUntilEachIsConfirmedInTurn()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);

        var asked = await harness.SayAsync("打开车窗，打开天窗");
        var sunroofWhileAsking = await harness.NumberAsync(VssPaths.SunroofPosition);
        var first = await harness.SayAsync("确定");
        var sunroofAfterFirstYes = await harness.NumberAsync(VssPaths.SunroofPosition);
        var second = await harness.SayAsync("确定");

        Assert.Empty(asked.Actions);
        Assert.Contains("车窗", asked.Ask, StringComparison.Ordinal);
        Assert.Equal(0, sunroofWhileAsking);
        Assert.Equal(100, await harness.NumberAsync(DriverWindow));
        Assert.Contains("天窗", first.Ask, StringComparison.Ordinal);
        Assert.Equal(0, sunroofAfterFirstYes);
        Assert.Equal(100, await harness.NumberAsync(VssPaths.SunroofPosition));
        Assert.Null(second.Ask);
    }

    [Fact]
    public async Task Rain_ResumeNavigationThenOpenWindow_TheWindowWaitsForAYes()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);
        await harness.SayAsync("导航到机场");

        var report = await harness.SayAsync("继续导航，打开车窗");

        Assert.DoesNotContain(report.Actions, a => a.Signal == DriverWindow);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
        Assert.Contains("下雨", report.Ask, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldConfirmation_SpeedRisesBeforeTheYes_LapsesAndNothingOpens()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);
        await harness.SayAsync("打开车窗");
        harness.Car.SetSensor(VssPaths.Speed, SignalValue.FromNumber(120));

        var yes = await harness.SayAsync("确定");

        Assert.Empty(yes.Actions);
        Assert.Equal(Conversation.ConfirmationLapsed, yes.Reply);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
    }

    [Fact]
    public void HeldConfirmation_After15Seconds_IsNoLongerValid()
    {
        var asked = DateTimeOffset.UnixEpoch;
        var held = new HeldConfirmation([], asked, "band");

        Assert.True(held.IsValid(asked + TimeSpan.FromSeconds(14), "band"));
        Assert.False(held.IsValid(asked + TimeSpan.FromSeconds(16), "band"));
        Assert.False(held.IsValid(asked + TimeSpan.FromSeconds(1), "other band"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(-110)]
    [InlineData(999)]
    public async Task ImplausibleSpeed_UnlockAndOpenAllWindows_NeitherHappens(double speed)
    {
        using var harness = Faulty(DrivingScenario.City, out var bus);
        bus.Readings[VssPaths.Speed] = SignalValue.FromNumber(speed);

        var report = await harness.SayAsync("解锁车门，车窗全部打开");

        Assert.True(await harness.FlagAsync(DriverDoorLock));
        Assert.True(await harness.NumberAsync(DriverWindow) <= 30);
        Assert.DoesNotContain("已解锁", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleSpeed_ParkedLongAgo_TrunkStaysShut()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus);
        bus.Ages[VssPaths.Speed] = TimeSpan.FromSeconds(30);

        var report = await harness.SayAsync("打开后备箱");

        Assert.False(await harness.FlagAsync(VssPaths.TrunkOpen));
        Assert.NotEmpty(report.Refused);
    }

    [Fact]
    public async Task ParkWhileReportingSpeed_Contradiction_DoorsStayLocked()
    {
        using var harness = Faulty(DrivingScenario.City, out var bus);
        bus.Readings[VssPaths.SelectedGear] = SignalValue.FromNumber(VssGears.Park);

        await harness.SayAsync("解锁车门");

        Assert.True(await harness.FlagAsync(DriverDoorLock));
    }

    [Fact]
    public async Task SpeedRisesBetweenParseAndSend_TheOpeningIsCheckedAtSending()
    {
        using var harness = Faulty(DrivingScenario.City, out var bus);
        var executor = harness.Get<ActionExecutor>();
        bus.Readings[VssPaths.Speed] = SignalValue.FromNumber(120);

        var results = await executor.ExecuteAsync([PlannedAction.Number(DriverWindow, 100)]);

        Assert.Equal(ActionStatus.Blocked, Assert.Single(results).Status);
        Assert.Empty(bus.SentTo(DriverWindow));
    }

    [Fact]
    public async Task BusRefusesTheDoors_ReplyDoesNotClaimThemUnlocked()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus);
        foreach (var place in VssPlaces.All)
        {
            bus.Failures[VssPaths.DoorLocked(place)] = new VehicleBusException(VehicleBusError.OutOfRange, VssPaths.DoorLocked(place), "door module busy");
        }

        var report = await harness.SayAsync("解锁车门");

        Assert.DoesNotContain("车门已解锁", report.Reply, StringComparison.Ordinal);
        Assert.Contains("door module busy", report.Reply, StringComparison.Ordinal);
        Assert.All(report.Actions, a => Assert.Equal(ActionStatus.Rejected, a.Status));
    }

    [Fact]
    public async Task WindowStuck_ReplyDoesNotClaimItOpened()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus, confirmation: "00:00:00.300");
        bus.Stuck[DriverWindow] = true;

        var report = await harness.SayAsync("有点闷");

        Assert.DoesNotContain("已为您打开", report.Reply, StringComparison.Ordinal);
        Assert.Contains("车窗没有打开", report.Reply, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.NotDone, Assert.Single(report.Actions).Status);
    }

    [Fact]
    public async Task BusThrows_TheTurnAnswersInsteadOfCrashing()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus);
        bus.Failures[VssPaths.AirConditioning] = new InvalidOperationException("CAN bus off");

        var report = await harness.SayAsync("打开空调");

        Assert.Equal(ActionStatus.Failed, Assert.Single(report.Actions).Status);
        Assert.Contains("没有响应", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateUnreadable_NothingIsSentAndTheDriverIsTold()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus);
        bus.SnapshotFailure = new IOException("broker unreachable");

        var report = await harness.SayAsync("打开车窗");

        Assert.Empty(report.Actions);
        Assert.Equal(Conversation.CarUnavailable, report.Reply);
        Assert.Empty(bus.SentTo(DriverWindow));
    }

    [Fact]
    public async Task ActuationHangs_TheTurnEndsAndCancelIsHeard()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus, busCall: "00:00:30");
        bus.Hangs[VssPaths.AirConditioning] = true;

        var stuck = harness.SayAsync("打开空调");
        await Task.Delay(200);
        var cancel = await harness.SayAsync("取消").WaitAsync(TimeSpan.FromSeconds(10));
        var stuckReport = await stuck.WaitAsync(TimeSpan.FromSeconds(10));
        var after = await harness.SayAsync("关闭车窗").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Conversation.Cancelled, stuckReport.Reply);
        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.All(after.Actions, a => Assert.Equal(ActionStatus.Confirmed, a.Status));
    }

    [Fact]
    public async Task ActuationHangs_BusCallTimeoutEndsTheTurnHonestly()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus, busCall: "00:00:00.200");
        bus.Hangs[VssPaths.AirConditioning] = true;

        var report = await harness.SayAsync("打开空调").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ActionStatus.Failed, Assert.Single(report.Actions).Status);
        Assert.DoesNotContain("已为您打开空调", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateAndLateEvents_StillOneConfirmedActionEach()
    {
        using var harness = Faulty(DrivingScenario.Parked, out var bus);
        bus.DuplicateEventsAfter = TimeSpan.FromMilliseconds(50);

        var report = await harness.SayAsync("主驾车窗开一半");

        Assert.Equal(ActionStatus.Confirmed, Assert.Single(report.Actions).Status);
        Assert.Equal(50, await harness.NumberAsync(DriverWindow));
    }

    private static ConversationHarness Faulty(
        DrivingScenario scenario, out FaultyBus bus, string busCall = "00:00:00.500", string confirmation = "00:00:05")
    {
        var harness = new ConversationHarness(
            scenario,
            services => services.AddSingleton<IVehicleBus>(sp => new FaultyBus(sp.GetRequiredService<VehicleSimulator>())),
            new Dictionary<string, string?> { ["Actions:BusCallTimeout"] = busCall, ["Actions:ConfirmationTimeout"] = confirmation });
        bus = (FaultyBus)harness.Get<IVehicleBus>();
        return harness;
    }
}
