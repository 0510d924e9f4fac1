using Car.Assistant.Policy;
using Car.Language;
using Car.Testing;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

public class SafetyAndDefaultsTests
{
    [Theory]
    [InlineData(DrivingScenario.City)]
    [InlineData(DrivingScenario.Highway)]
    public void TrunkOpen_WhileDriving_RefusedWithReason(DrivingScenario scenario)
    {
        using var harness = new PolicyHarness(scenario);

        var decision = harness.Decide("打开后备箱");

        Assert.Empty(decision.Actions);
        Assert.Equal(IntentNames.TrunkOpen, Assert.Single(decision.Refused).Intent);
        Assert.Contains("行驶中", decision.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void TrunkOpen_Parked_Opens()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        Assert.True(PolicyHarness.Flag(harness.Decide("打开后备箱"), VssPaths.TrunkOpen));
    }

    [Fact]
    public void DoorUnlock_WhileDriving_Refused()
    {
        using var harness = new PolicyHarness(DrivingScenario.City);

        var decision = harness.Decide("解锁车门");

        Assert.Empty(decision.Actions);
        Assert.Equal(IntentNames.DoorUnlock, Assert.Single(decision.Refused).Intent);
    }

    [Fact]
    public void WindowFullyOpen_AtHighway_RefusedButSmallOpeningAllowed()
    {
        using var harness = new PolicyHarness(DrivingScenario.Highway);

        var full = harness.Decide("副驾车窗全部打开");
        var gap = harness.Decide("副驾车窗开条缝");

        Assert.Empty(full.Actions);
        Assert.Contains("30%", Assert.Single(full.Refused).Reason, StringComparison.Ordinal);
        Assert.Equal(20, Assert.Single(gap.Actions).Value.AsNumber());
    }

    [Fact]
    public void WindowOpen_NoAmountAtHighway_OpensOnlyTheSafeMaximum()
    {
        using var harness = new PolicyHarness(DrivingScenario.Highway);

        Assert.Equal(30, PolicyHarness.Number(harness.Decide("打开车窗"), PolicyHarness.DriverWindow));
    }

    [Fact]
    public void WindowOpen_InRain_AsksFirstAndHoldsTheAction()
    {
        using var harness = new PolicyHarness(DrivingScenario.Rain);

        var decision = harness.Decide("打开车窗");

        Assert.Empty(decision.Actions);
        Assert.Contains("下雨", decision.Ask, StringComparison.Ordinal);
        Assert.Equal(IntentNames.WindowOpen, Assert.Single(decision.Held).Name);
    }

    [Fact]
    public void WindowOpen_Unnamed_IsTheDriversFully()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Decide("打开车窗");

        Assert.Equal(100, PolicyHarness.Number(decision, PolicyHarness.DriverWindow));
        Assert.Equal("已为您打开主驾车窗", decision.Reply);
    }

    [Fact]
    public void WindowClose_Unnamed_ClosesAllFour()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        Assert.Equal(4, harness.Decide("关窗").Actions.Count);
    }

    [Theory]
    [InlineData("空调调到40度", 32)]
    [InlineData("空调调到10度", 16)]
    [InlineData("空调调到二十二度半", 22.5)]
    public void SetTemperature_ClampedToRange(string text, double expected)
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Decide(text);

        Assert.All(VssPlaces.HvacStations, s => Assert.Equal(expected, PolicyHarness.Number(decision, VssPaths.HvacTemperature(s))));
        Assert.True(PolicyHarness.Flag(decision, VssPaths.AirConditioning));
    }

    [Theory]
    [InlineData("空调调到五十度")]
    [InlineData("温度调到七十二度")]
    [InlineData("空调调到零下五度")]
    public async Task SetTemperature_FarOutsideTheRange_ChangesNothingAndSaysTheRange(string text)
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        var before = await harness.Car.GetAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation));

        var decision = harness.Do(text);

        Assert.Equal("温度范围是 16–32 度，请说其中的一个数", decision.Reply);
        Assert.Empty(decision.Actions);
        Assert.Equal(before.AsNumber(), (await harness.Car.GetAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation))).AsNumber());
    }

    [Fact]
    public void SetTemperature_Passenger_OnlyThatStation()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Decide("副驾温度二十四度");

        Assert.Equal(VssPaths.HvacTemperature(VssPlaces.PassengerStation), decision.Actions.Single(a => a.Signal.Contains("Temperature", StringComparison.Ordinal)).Signal);
    }

    [Fact]
    public void SeatHeat_NoLevel_DriverAtDefaultLevel()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var action = Assert.Single(harness.Decide("打开座椅加热").Actions);

        Assert.Equal(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide), action.Signal);
        Assert.Equal(67, action.Value.AsNumber());
    }

    [Fact]
    public void SeatVentilateOff_WhileHeating_LeavesHeatingAlone()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        harness.Settle(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide), SignalValue.FromNumber(67));

        var decision = harness.Decide("关闭座椅通风");

        Assert.Empty(decision.Actions);
    }

    [Fact]
    public void FanAdjust_AtTopLevel_StaysAtSeven()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);
        foreach (var station in VssPlaces.HvacStations)
        {
            harness.Settle(VssPaths.HvacFanSpeed(station), SignalValue.FromNumber(100));
        }

        var decision = harness.Decide("风大一点");

        Assert.Equal(100, PolicyHarness.Number(decision, VssPaths.HvacFanSpeed(VssPlaces.DriverStation)));
    }

    [Fact]
    public void StatusQuery_CabinTemperature_AnswersFromState()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Decide("车里现在多少度");

        Assert.Empty(decision.Actions);
        Assert.Equal("车内现在 24 度", decision.Reply);
    }

    [Fact]
    public void Policy_HandlesEveryContractIntentButCancelAndRecommendations()
    {
        var handled = PolicyHarness.Policy.HandledIntents;
        var elsewhere = new[] { IntentNames.AssistantCancel, IntentNames.PoiSearch, IntentNames.TripRecommend };

        foreach (var intent in TestModel.Model.Schema.Intents.Where(i => !elsewhere.Contains(i.Name)))
        {
            Assert.Contains(intent.Name, handled);
        }
    }

    [Fact]
    public void Decide_EveryCorpusUtteranceInEveryScenario_ProducesValidTargetsOrNone()
    {
        var catalog = PolicyHarness.Catalog;
        foreach (var scenario in Enum.GetValues<DrivingScenario>())
        {
            using var harness = new PolicyHarness(scenario);
            foreach (var (utterance, _) in TestCorpus.Read("corpus.tsv"))
            {
                var decision = harness.Decide(utterance);
                foreach (var action in decision.Actions)
                {
                    Assert.Null(catalog.Get(action.Signal).Validate(action.Value));
                }

                Assert.False(string.IsNullOrWhiteSpace(decision.Reply) && decision.Actions.Count > 0, utterance);
            }
        }
    }
}
