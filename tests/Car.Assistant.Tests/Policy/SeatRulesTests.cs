using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

/// <summary>A step up or down (调高一档, 调低一点) counts from the level the seat is at now, never from off to on by mistake.</summary>
public class SeatRulesTests
{
    [Theory]
    [InlineData("座椅加热调高一档", 67, 100, "已将主驾座椅加热调到 3 档")]
    [InlineData("座椅加热调低一点", 100, 67, "已将主驾座椅加热调到 2 档")]
    [InlineData("座椅加热调低一档", 33, 0, "已为您关闭主驾座椅加热")]
    public void Step_FromTheLevelNow_MovesOneLevel(string said, double now, double expected, string reply)
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        harness.Settle(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide), SignalValue.FromNumber(now));

        var decision = harness.Decide(said);

        Assert.Equal(reply, decision.Reply);
        Assert.Equal(expected, PolicyHarness.Number(decision, VssPaths.SeatHeatingCooling(VssPlaces.DriverSide)));
    }

    [Theory]
    [InlineData("座椅加热调低一档", 0, "主驾座椅加热本来就是关着的")]
    [InlineData("座椅加热调高一档", 100, "主驾座椅加热已经是最高 3 档")]
    public async Task Step_PastTheEnd_ChangesNothingAndSaysSo(string said, double now, string reply)
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        harness.Settle(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide), SignalValue.FromNumber(now));

        var decision = harness.Do(said);

        Assert.Equal(reply, decision.Reply);
        Assert.Empty(decision.Actions);
        Assert.Equal(now, (await harness.Car.GetAsync(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide))).AsNumber());
    }
}
