using Car.Assistant.Policy;
using Car.Assistant.Tests.Policy;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// The short reply as soon as the car accepts the request (a window takes seconds to arrive), and the honest
/// outcome afterwards when the car does not confirm.
/// </summary>
public sealed class AcknowledgementTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    [Fact]
    public async Task Stuffy_WindowStillMoving_AcknowledgedBeforeItArrivesAndNothingToCorrect()
    {
        using var harness = new ConversationHarness(settings: new Dictionary<string, string?> { ["Simulator:WindowTravelTime"] = "00:00:01.500" });
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var turn = harness.Conversation.HandleAsync("有点闷", heard.SetResult);
        var acknowledgement = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var windowWhenAcknowledged = await harness.NumberAsync(DriverWindow);
        var report = await turn;

        Assert.Equal("已为您打开主驾车窗 20%", acknowledgement);
        Assert.True(windowWhenAcknowledged < 20, $"the window was at {windowWhenAcknowledged} when the driver heard the reply");
        Assert.True(Assert.Single(report.Actions).Confirmed);
        Assert.Equal(acknowledgement, report.Acknowledged);
        Assert.Null(report.Correction);
        Assert.Equal(acknowledgement, report.Reply);
    }

    [Fact]
    public async Task Stuffy_WindowStuck_AcknowledgedThenCorrected()
    {
        using var harness = new ConversationHarness(
            services: services => services.AddSingleton<IVehicleBus>(sp => new FaultyBus(sp.GetRequiredService<VehicleSimulator>())),
            settings: new Dictionary<string, string?> { ["Actions:ConfirmationTimeout"] = "00:00:00.300" });
        ((FaultyBus)harness.Get<IVehicleBus>()).Stuck[DriverWindow] = true;
        string? acknowledgement = null;

        var report = await harness.Conversation.HandleAsync("有点闷", said => acknowledgement = said);

        Assert.Equal("已为您打开主驾车窗 20%", acknowledgement);
        Assert.Equal(ActionStatus.NotDone, Assert.Single(report.Actions).Status);
        Assert.Contains("没有打开", report.Correction, StringComparison.Ordinal);
        Assert.DoesNotContain("已为您打开", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusRefuses_NothingAcknowledgedEarly_TheRefusalIsTheReply()
    {
        using var harness = new ConversationHarness(
            services: services => services.AddSingleton<IVehicleBus>(sp => new FaultyBus(sp.GetRequiredService<VehicleSimulator>())));
        ((FaultyBus)harness.Get<IVehicleBus>()).Failures[VssPaths.AirConditioning] = new InvalidOperationException("CAN bus off");
        string? acknowledgement = null;

        var report = await harness.Conversation.HandleAsync("打开空调", said => acknowledgement = said);

        Assert.Null(acknowledgement);
        Assert.Null(report.Acknowledged);
        Assert.Contains("没有响应", report.Reply, StringComparison.Ordinal);
    }
}
