using Car.Assistant.Policy;
using Car.Assistant.Policy.Safety;
using Car.Assistant.Tests.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.Assistant.Tests.Policy.Safety;

/// <summary>A window opened while slow does not stay open as the car speeds up, and the driver is told.</summary>
public sealed class OpeningSupervisorTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    [Fact]
    public async Task SpeedRisesIntoTheHighBand_OpenWindowComesBackTo30AndItIsSaid()
    {
        using var harness = new ConversationHarness(DrivingScenario.City);
        await harness.SayAsync("打开车窗");
        var said = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Get<SafetyAnnouncements>().Announced += text => said.TrySetResult(text);
        using var supervisor = Supervisor(harness);
        await supervisor.StartAsync(CancellationToken.None);
        await supervisor.Watching.WaitAsync(TimeSpan.FromSeconds(10));

        harness.Car.SetSensor(VssPaths.Speed, SignalValue.FromNumber(110));
        var text = await said.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(async () => await harness.NumberAsync(DriverWindow) <= 30);
        await supervisor.StopAsync(CancellationToken.None);

        Assert.Equal(30, await harness.NumberAsync(DriverWindow));
        Assert.Contains("30%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RainStarts_OpenSunroofCloses()
    {
        using var harness = new ConversationHarness(DrivingScenario.City);
        await harness.SayAsync("打开天窗");
        using var supervisor = Supervisor(harness);
        await supervisor.StartAsync(CancellationToken.None);
        await supervisor.Watching.WaitAsync(TimeSpan.FromSeconds(10));

        harness.Car.SetSensor(VssPaths.RainIntensity, SignalValue.FromNumber(60));
        await WaitUntilAsync(async () => await harness.NumberAsync(VssPaths.SunroofPosition) == 0);
        await supervisor.StopAsync(CancellationToken.None);

        Assert.Equal(0, await harness.NumberAsync(VssPaths.SunroofPosition));
    }

    private static OpeningSupervisor Supervisor(ConversationHarness harness) => new(
        harness.Get<IVehicleBus>(), harness.Get<SafetyEnvelope>(), harness.Get<ActionExecutor>(), harness.Get<SafetyAnnouncements>(),
        NullLogger<OpeningSupervisor>.Instance);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(25);
        }
    }
}
