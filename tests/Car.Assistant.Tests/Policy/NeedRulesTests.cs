using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

public class NeedRulesTests
{
    [Fact]
    public void Stuffy_ParkedAndDry_OpensDriverWindowTwentyPercent()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Decide("有点闷");

        var action = Assert.Single(decision.Actions);
        Assert.Equal(PolicyHarness.DriverWindow, action.Signal);
        Assert.Equal(20, action.Value.AsNumber());
        Assert.Equal("已为您打开主驾车窗 20%", decision.Reply);
    }

    [Theory]
    [InlineData(DrivingScenario.Highway)]
    [InlineData(DrivingScenario.Rain)]
    public void Stuffy_FastOrRaining_OuterCirculationAndMoreFanNoWindow(DrivingScenario scenario)
    {
        using var harness = new PolicyHarness(scenario);

        var decision = harness.Decide("有点闷");

        Assert.False(PolicyHarness.Flag(decision, VssPaths.Recirculation));
        Assert.True(PolicyHarness.Number(decision, VssPaths.HvacFanSpeed(VssPlaces.DriverStation)) > 29);
        Assert.DoesNotContain(decision.Actions, a => a.Signal.Contains("Window", StringComparison.Ordinal));
    }

    [Fact]
    public void Stuffy_SaidAgainWithDriverWindowOpen_OpensPassengerWindowToo()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        harness.Settle(PolicyHarness.DriverWindow, SignalValue.FromNumber(20));

        var decision = harness.Decide("还是有点闷", needPersists: true);

        Assert.Equal(VssPaths.WindowPosition(VssPlaces.PassengerSide), Assert.Single(decision.Actions).Signal);
    }

    [Fact]
    public void Hot_TurnsAirConditioningOnTwoDegreesCoolerAndMoreFan()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);

        var decision = harness.Decide("好热啊");

        Assert.True(PolicyHarness.Flag(decision, VssPaths.AirConditioning));
        Assert.Equal(22, PolicyHarness.Number(decision, VssPaths.HvacTemperature(VssPlaces.DriverStation)));
        Assert.Equal(43, PolicyHarness.Number(decision, VssPaths.HvacFanSpeed(VssPlaces.DriverStation)));
    }

    [Fact]
    public void Cold_FiveDegreesOutside_WarmerAndDriverSeatHeated()
    {
        using var harness = new PolicyHarness(DrivingScenario.Rain);
        harness.Car.SetSensor(VssPaths.OutsideTemperature, SignalValue.FromNumber(5));

        var decision = harness.Decide("有点冷");

        Assert.Equal(26, PolicyHarness.Number(decision, VssPaths.HvacTemperature(VssPlaces.DriverStation)));
        Assert.Equal(67, PolicyHarness.Number(decision, VssPaths.SeatHeatingCooling(VssPlaces.DriverSide)));
    }

    [Fact]
    public void Cold_WarmOutsideWithWindowOpen_ClosesWindowNoSeatHeat()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);
        harness.Settle(PolicyHarness.DriverWindow, SignalValue.FromNumber(40));

        var decision = harness.Decide("有点冷");

        Assert.Equal(0, PolicyHarness.Number(decision, PolicyHarness.DriverWindow));
        Assert.DoesNotContain(decision.Actions, a => a.Signal.Contains("Seat", StringComparison.Ordinal));
    }

    [Fact]
    public void Tired_WhileDriving_FreshAirCoolerAndAdviceToRest()
    {
        using var harness = new PolicyHarness(DrivingScenario.Highway);

        var decision = harness.Decide("我有点困");

        Assert.False(PolicyHarness.Flag(decision, VssPaths.Recirculation));
        Assert.Equal(23, PolicyHarness.Number(decision, VssPaths.HvacTemperature(VssPlaces.DriverStation)));
        Assert.Contains("休息", decision.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Tired_Parked_OnlyAdvice()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Decide("好困");

        Assert.Empty(decision.Actions);
        Assert.Contains("休息", decision.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Glare_ShadeRetracted_DeploysShadeFully()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);

        var decision = harness.Do("太晒了");

        Assert.Equal("已为您关上遮阳帘", decision.Reply);
        Assert.Equal(100, harness.Read(VssPaths.SunshadePosition));
    }

    [Fact]
    public void Glare_ShadePartlyDeployed_DeploysShadeFully()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);
        harness.Settle(VssPaths.SunshadePosition, SignalValue.FromNumber(40));

        harness.Do("太阳好晒");

        Assert.Equal(100, harness.Read(VssPaths.SunshadePosition));
    }

    [Fact]
    public void Glare_ShadeAlreadyDeployed_SaysSoWithoutActions()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);
        harness.Settle(VssPaths.SunshadePosition, SignalValue.FromNumber(100));

        var decision = harness.Decide("阳光太刺眼");

        Assert.Empty(decision.Actions);
        Assert.Contains("遮阳", decision.Reply, StringComparison.Ordinal);
    }
}
