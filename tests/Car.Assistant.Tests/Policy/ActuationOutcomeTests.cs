using Car.Assistant.Dialogue;
using Car.Assistant.Policy;
using Car.Assistant.Tests.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Tests.Policy;

/// <summary>
/// Actuation the driver can trust: done, partly done (stopped short), not done (did not move, controller gone) or
/// still on its way, each told as it is, with the outcome and reason in the JSON report.
/// </summary>
public sealed class ActuationOutcomeTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    [Fact]
    public async Task Say_WindowStopsHalfway_PartlyDoneWithTheObstacleReason()
    {
        using var harness = new ConversationHarness(settings: new Dictionary<string, string?>
        {
            // Long enough for the window to reach the obstacle at 25 % and stay there, also on a loaded machine.
            [$"Simulator:Faults:{DriverWindow}"] = "Partial",
            ["Actions:ConfirmationTimeout"] = "00:00:05",
            ["Actions:StallTime"] = "00:00:01",
        });

        var report = await harness.SayAsync("主驾车窗打开一半");

        var action = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.PartlyDone, action.Status);
        Assert.Equal("车窗只开到了一半（25%），可能有障碍物", action.Error);
        Assert.Contains("车窗只开到了一半（25%），可能有障碍物", report.Reply, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"partly_done\"", TurnReportJson.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_WindowStuckWhileClosing_NotDoneSaysItDidNotClose()
    {
        using var harness = new ConversationHarness(
            services: services => services.AddSingleton<IVehicleBus>(sp => new FaultyBus(sp.GetRequiredService<VehicleSimulator>())),
            settings: new Dictionary<string, string?> { ["Actions:ConfirmationTimeout"] = "00:00:00.500", ["Actions:StallTime"] = "00:00:00.100" });
        await harness.SayAsync("主驾车窗打开一半");
        ((FaultyBus)harness.Get<IVehicleBus>()).Stuck[DriverWindow] = true;

        var report = await harness.SayAsync("关闭主驾车窗");

        Assert.Equal(ActionStatus.NotDone, Assert.Single(report.Actions).Status);
        Assert.Contains("车窗没有关上", report.Reply, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"not_done\"", TurnReportJson.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_SlowMotorStillMoving_NotReachedYet()
    {
        using var harness = new ConversationHarness(settings: new Dictionary<string, string?>
        {
            [$"Simulator:Faults:{DriverWindow}"] = "Slow",
            ["Simulator:WindowTravelTime"] = "00:00:01",
            ["Actions:ConfirmationTimeout"] = "00:00:00.500",
        });

        var report = await harness.SayAsync("主驾车窗打开一半");

        Assert.Equal(ActionStatus.NotReached, Assert.Single(report.Actions).Status);
        Assert.Contains("还没有确认到位", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_PerSignalTimeout_LongerWaitConfirmsTheSlowWindow()
    {
        using var harness = new ConversationHarness(settings: new Dictionary<string, string?>
        {
            ["Simulator:WindowTravelTime"] = "00:00:01",
            ["Actions:ConfirmationTimeout"] = "00:00:00.100",
            ["Actions:ConfirmationTimeouts:Vehicle.Cabin.Door.*.*.Window.Position"] = "00:00:03",
        });

        var report = await harness.SayAsync("主驾车窗打开一半");

        Assert.Equal(ActionStatus.Confirmed, Assert.Single(report.Actions).Status);
    }

    [Fact]
    public async Task Say_ControllerDisconnectsDuringTheActuation_ReportedNotHidden()
    {
        using var harness = new ConversationHarness(
            services: services => services.AddSingleton<IVehicleBus>(sp => new LosingBus(sp.GetRequiredService<VehicleSimulator>())),
            settings: new Dictionary<string, string?> { ["Actions:ConfirmationTimeout"] = "00:00:03" });

        var report = await harness.SayAsync("主驾车窗打开一半");

        var action = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.NotDone, action.Status);
        Assert.Contains("车窗的控制器断开了连接", report.Reply, StringComparison.Ordinal);
    }

    /// <summary>A bus whose provider goes away as soon as a target is sent: subscribers hear the signal is no longer available.</summary>
    private sealed class LosingBus(VehicleSimulator car) : IVehicleBus
    {
        private readonly List<Action<SignalChange>> _subscribers = [];

        public SignalCatalog Catalog => car.Catalog;

        public ValueTask<SignalValue> GetAsync(string path, CancellationToken cancellationToken = default) => car.GetAsync(path, cancellationToken);

        public ValueTask<VehicleSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => car.GetSnapshotAsync(cancellationToken);

        public async ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default)
        {
            var last = await car.GetAsync(path, cancellationToken);
            _ = Task.Delay(50, CancellationToken.None).ContinueWith(
                _ => _subscribers.ToList().ForEach(s => s(new SignalChange(path, last, DateTimeOffset.UtcNow, IsAvailable: false))),
                TaskScheduler.Default);
        }

        public IDisposable Subscribe(Action<SignalChange> onChange)
        {
            _subscribers.Add(onChange);
            return car.Subscribe(onChange);
        }
    }
}
