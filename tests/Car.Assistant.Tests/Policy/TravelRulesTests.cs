using Car.CloudSync.Recommendations;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

public class TravelRulesTests
{
    private static readonly PlaceSuggestion Office = new(
        "p-17", "云栖科技园", "company", null, new GeoPosition(30.2851, 120.1702), 3200, TimeSpan.FromMinutes(11), 0, 0, true, string.Empty);

    [Fact]
    public void GoToWork_CloudKnowsTheOffice_TheHeadUnitGetsThePlaceItsCoordinatesAndTheDriverHearsTheWay()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);
        var plan = new RoutePlan(
            Office, [new RouteOption("经文三路、学院路", 3200, TimeSpan.FromMinutes(11), CongestionLevel.Slow, false, false)],
            new AnswerOrigin("r-1", "sample-city", true, DateTimeOffset.UnixEpoch, false));

        var decision = harness.Decide("导航去公司", routes: new Dictionary<string, RoutePlan> { ["公司"] = plan });

        Assert.Equal("云栖科技园", decision.Actions.Single(a => a.Signal == VssPaths.NavigationDestination).Value.AsString());
        Assert.Equal(30.2851, PolicyHarness.Number(decision, VssPaths.NavigationDestinationLatitude));
        Assert.Equal(120.1702, PolicyHarness.Number(decision, VssPaths.NavigationDestinationLongitude));
        Assert.Equal("开始导航去公司（云栖科技园），3.2公里，约11分钟，经文三路、学院路，部分路段缓行", decision.Reply);
    }

    [Fact]
    public void GoToWork_NoCloudPlan_TheHeadUnitGetsTheDriversWords()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);

        var decision = harness.Decide("导航去公司");

        Assert.Equal("公司", Assert.Single(decision.Actions).Value.AsString());
        Assert.Equal("开始导航去公司", decision.Reply);
    }
}
