using Car.Assistant.Dialogue;
using Car.Assistant.Policy;
using Car.Language;
using Car.Testing;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Dialogue;

public class ConversationTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    [Fact]
    public async Task Stuffy_Parked_WindowReachesTwentyAndIsConfirmed()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("有点闷");

        var action = Assert.Single(report.Actions);
        Assert.Equal(DriverWindow, action.Signal);
        Assert.True(action.Confirmed);
        Assert.Equal(20, await harness.NumberAsync(DriverWindow));
        Assert.Equal("已为您打开主驾车窗 20%", report.Reply);
        Assert.Contains(report.Changes, c => c.Signal == DriverWindow && c.After.AsNumber() == 20);
    }

    [Fact]
    public async Task Lower_AfterSettingTemperature_GoesOneDegreeDown()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("空调调到22度");
        var report = await harness.SayAsync("再低一点");

        Assert.Equal(IntentNames.ClimateAdjustTemperature, Assert.Single(report.Intents).Name);
        Assert.Equal(21, await harness.NumberAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation)));
    }

    [Fact]
    public async Task AirConditioningSetColdSaidTooCold_WarmsTheCabinInsteadOfSettingEighteen()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("空调开到18度太冷了");

        Assert.Equal(IntentNames.ComfortCold, Assert.Single(report.Intents).Name);
        Assert.Equal(26, await harness.NumberAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation)));
    }

    [Fact]
    public async Task ALittleWarmerPlease_RaisesTheTemperatureInsteadOfCooling()
    {
        using var harness = new ConversationHarness();
        var before = await harness.NumberAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation));

        await harness.SayAsync("稍微热一点");

        Assert.Equal(before + 1, await harness.NumberAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation)));
    }

    [Fact]
    public async Task WiderAfterStuffy_OpensTheSameWindowFurther()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("有点闷");
        await harness.SayAsync("再开大一点");

        Assert.Equal(40, await harness.NumberAsync(DriverWindow));
    }

    [Fact]
    public async Task StillStuffy_OpensThePassengerWindowToo()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("有点闷");
        var report = await harness.SayAsync("还是有点闷");

        Assert.Equal(20, await harness.NumberAsync(VssPaths.WindowPosition(VssPlaces.PassengerSide)));
        Assert.Contains("副驾", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassengerToo_RepeatsSeatHeatForThePassenger()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("打开主驾座椅加热");
        await harness.SayAsync("副驾也要");

        Assert.Equal(67, await harness.NumberAsync(VssPaths.SeatHeatingCooling(VssPlaces.PassengerSide)));
    }

    [Fact]
    public async Task WindowNamedAndOpenedFurther_OpensWiderFromWhereItIs_NotBackToTheSmallOpening()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("车窗打开一半");
        await harness.SayAsync("窗户再开大点");
        var wider = await harness.NumberAsync(VssPaths.WindowPosition(VssPlaces.DriverSide));
        await harness.SayAsync("把窗户关小一点");

        Assert.True(wider > 50, $"opened further to {wider}");
        Assert.True(await harness.NumberAsync(VssPaths.WindowPosition(VssPlaces.DriverSide)) < wider);
    }

    [Fact]
    public async Task PassengerTooInTheSameBreath_HeatsBothFrontSeats()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("主驾座椅加热打开副驾也一样");

        Assert.Equal(67, await harness.NumberAsync(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide)));
        Assert.Equal(67, await harness.NumberAsync(VssPaths.SeatHeatingCooling(VssPlaces.PassengerSide)));
    }

    [Theory]
    [InlineData("导航声音小一点")]
    [InlineData("导航静音")]
    public async Task NavigationVoice_LeavesTheMusicVolumeAndSaysItDidNotUnderstand(string said)
    {
        using var harness = new ConversationHarness();
        var volumeBefore = await harness.NumberAsync(VssPaths.MediaVolume);

        var report = await harness.SayAsync(said);

        Assert.Empty(report.Actions);
        Assert.Equal(volumeBefore, await harness.NumberAsync(VssPaths.MediaVolume));
        Assert.Equal(Conversation.NotUnderstood, report.Reply);
    }

    [Fact]
    public async Task Lower_WithNothingBefore_AsksBackAndDoesNothing()
    {
        using var harness = new ConversationHarness();
        var before = await harness.Car.GetSnapshotAsync();

        var report = await harness.SayAsync("再低一点");

        Assert.Equal(FollowUpResolver.NothingToAdjust, report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal(before.Number(VssPaths.HvacTemperature(VssPlaces.DriverStation)), await harness.NumberAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation)));
    }

    [Fact]
    public async Task PickSecond_WithoutAList_AsksWhereTo()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("第二个");

        Assert.Equal(FollowUpResolver.NothingToPick, report.Ask);
    }

    [Fact]
    public async Task OpenWindowInRain_AsksThenYesOpensIt()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);

        var question = await harness.SayAsync("打开车窗");
        var windowWhileAsking = await harness.NumberAsync(DriverWindow);
        var yes = await harness.SayAsync("确定");

        Assert.NotNull(question.Ask);
        Assert.Empty(question.Actions);
        Assert.Equal(0, windowWhileAsking);
        Assert.True(Assert.Single(yes.Actions).Confirmed);
        Assert.Equal(100, await harness.NumberAsync(DriverWindow));
        Assert.Equal("已为您打开主驾车窗", yes.Reply);
    }

    [Fact]
    public async Task OpenWindowInRain_AsksThenCancelDropsIt()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);

        await harness.SayAsync("打开车窗");
        var cancel = await harness.SayAsync("算了");
        var lateYes = await harness.SayAsync("确定");

        Assert.Equal("好的，已取消", cancel.Reply);
        Assert.Empty(lateYes.Actions);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
    }

    [Fact]
    public async Task TrunkWhileDriving_RefusedAndStaysShut()
    {
        using var harness = new ConversationHarness(DrivingScenario.Highway);

        var report = await harness.SayAsync("打开后备箱");

        Assert.Single(report.Refused);
        Assert.False(await harness.FlagAsync(VssPaths.TrunkOpen));
    }

    [Fact]
    public async Task ResumeNavigation_AfterCancel_GoesBackToTheLastDestination()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航去首都机场");
        await harness.SayAsync("取消导航");
        var resumed = await harness.SayAsync("继续导航");

        Assert.Equal("首都机场", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.True(Assert.Single(resumed.Actions).Confirmed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀")]
    [InlineData("\u0007\u001b[2J")]
    [InlineData("\uFFFD\uFFFD打开")]
    [InlineData("天气怎么样")]
    public async Task BadOrUnknownInput_ClearReplyNoBusAction(string text)
    {
        using var harness = new ConversationHarness();
        var changes = 0;
        using var subscription = harness.Car.Subscribe(c =>
        {
            if (c.Path != VssPaths.CabinTemperature)
            {
                Interlocked.Increment(ref changes);
            }
        });

        var report = await harness.SayAsync(text);

        Assert.Empty(report.Actions);
        Assert.Equal(Conversation.NotUnderstood, report.Reply);
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task TenThousandCharacters_AskedToSayItShorterNoBusAction()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync(string.Concat(Enumerable.Repeat("打开车窗", 2500)));

        Assert.Empty(report.Actions);
        Assert.Equal(Conversation.TooLong, report.Reply);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
    }

    [Fact]
    public async Task TwoUtterancesAtOnce_BothHandledInTurn()
    {
        using var harness = new ConversationHarness();

        var reports = await Task.WhenAll(harness.SayAsync("关窗"), harness.SayAsync("有点闷"), harness.SayAsync("打开空调"));

        Assert.All(reports, r => Assert.All(r.Actions, a => Assert.True(a.Confirmed)));
        Assert.True(await harness.FlagAsync(VssPaths.AirConditioning));
    }

    [Fact]
    public void Report_Json_FollowsTheContractShape()
    {
        var report = new TurnReport(
            "有点闷", "rules", TestModel.Parser.Parse("有点闷").Intents,
            [new ActionResult(DriverWindow, SignalValue.FromNumber(20), ActionStatus.Confirmed)], [], null, "已为您打开主驾车窗 20%", []);

        Assert.Equal(
            $$$"""{"text":"有点闷","engine":"rules","intents":[{"intent":"comfort.stuffy","slots":{}}],"actions":[{"signal":"{{{DriverWindow}}}","value":20,"confirmed":true}],"refused":[],"ask":null,"reply":"已为您打开主驾车窗 20%"}""",
            TurnReportJson.Write(report));
    }

    [Fact]
    public async Task ContinueAsync_HalfAfterAnEarlyEndedOpenWindow_TheWindowEndsHalfOpen()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("打开主驾车窗");
        var report = await harness.Conversation.ContinueAsync("打开主驾车窗", "开一半", acknowledge: null);

        Assert.Equal(50, await harness.NumberAsync(DriverWindow));
        Assert.Contains(report.Actions, a => a.Signal == DriverWindow && a.Confirmed);
    }

    [Fact]
    public async Task ContinueAsync_FanAfterAnEarlyEndedLowerTemperature_TheTemperatureGoesDownOnce()
    {
        using var harness = new ConversationHarness();
        var setpoint = VssPaths.HvacTemperature(VssPlaces.DriverStation);
        await harness.SayAsync("空调调到22度");

        await harness.SayAsync("把温度调低一点");
        var report = await harness.Conversation.ContinueAsync("把温度调低一点", "风量调小", acknowledge: null);

        Assert.Equal(IntentNames.ClimateAdjustFan, Assert.Single(report.Intents).Name);
        Assert.Equal(21, await harness.NumberAsync(setpoint));
    }
}
