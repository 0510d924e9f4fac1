using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

/// <summary>
/// The sunshade as VSS counts it: 0 is its start position, open (retracted), 100 its end position, closed (fully
/// deployed), the other way round from the sunroof.
/// </summary>
public class OpeningRulesTests
{
    [Fact]
    public void SunshadeOpen_ShadeDeployed_RetractsToZero()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        harness.Settle(VssPaths.SunshadePosition, SignalValue.FromNumber(100));

        var decision = harness.Do("打开遮阳帘");

        Assert.Equal("已为您打开遮阳帘", decision.Reply);
        Assert.Equal(0, harness.Read(VssPaths.SunshadePosition));
    }

    [Fact]
    public void SunshadeClose_ShadeRetracted_DeploysToHundred()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Do("关闭遮阳帘");

        Assert.Equal("已为您关上遮阳帘", decision.Reply);
        Assert.Equal(100, harness.Read(VssPaths.SunshadePosition));
    }

    [Fact]
    public void SunroofOpen_Parked_SlidesOpenWithoutTouchingTheShade()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        harness.Do("打开天窗");

        Assert.Equal(100, harness.Read(VssPaths.SunroofPosition));
        Assert.Equal(0, harness.Read(VssPaths.SunshadePosition));
    }
}
