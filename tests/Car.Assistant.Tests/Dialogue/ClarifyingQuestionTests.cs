using Car.Assistant.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>A request the parser is not sure of is asked back; only the driver's yes makes the car act on it.</summary>
public sealed class ClarifyingQuestionTests
{
    private const string DriverWindow = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";

    // Talk before the carrier word (…说去…) makes the destination doubtful: it is asked, not driven to.
    private const string Overheard = "我们那边的人说去海边的灯塔";

    [Fact]
    public async Task DestinationAfterOtherTalk_AsksWhereToGoAndSetsNothing()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync(Overheard);

        Assert.Equal("您是要导航到海边的灯塔吗？", report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }

    [Fact]
    public async Task DestinationAfterOtherTalk_YesNavigatesThere()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync(Overheard);
        var yes = await harness.SayAsync("确定");

        Assert.True(Assert.Single(yes.Actions).Confirmed);
        Assert.Equal("海边的灯塔", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Equal("开始导航去海边的灯塔", yes.Reply);
    }

    [Fact]
    public async Task DestinationAfterOtherTalk_CancelSetsNothing()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync(Overheard);
        var cancel = await harness.SayAsync("算了");
        var lateYes = await harness.SayAsync("确定");

        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Empty(lateYes.Actions);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }

    [Fact]
    public async Task MisheardWindowInRain_AsksTheMeaningThenTheRainQuestion()
    {
        using var harness = new ConversationHarness(DrivingScenario.Rain);

        var meaning = await harness.SayAsync("打开车穿");
        var rain = await harness.SayAsync("确定");
        var windowAfterFirstYes = await harness.NumberAsync(DriverWindow);
        var opened = await harness.SayAsync("确定");

        Assert.Equal("您是要打开车窗吗？", meaning.Ask);
        Assert.Empty(rain.Actions);
        Assert.NotNull(rain.Ask);
        Assert.NotEqual(meaning.Ask, rain.Ask);
        Assert.Equal(0, windowAfterFirstYes);
        Assert.True(Assert.Single(opened.Actions).Confirmed);
        Assert.Equal(100, await harness.NumberAsync(DriverWindow));
    }

    [Fact]
    public async Task OpenWindowTooLoud_AsksToTurnTheVolumeDownAndOpensNothing()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("高速上开窗太吵了");
        var volumeBeforeYes = await harness.NumberAsync(VssPaths.MediaVolume);
        var yes = await harness.SayAsync("确定");

        Assert.Equal("您是要调小音量吗？", report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
        Assert.Equal(VssPaths.MediaVolume, Assert.Single(yes.Actions).Signal);
        Assert.True(await harness.NumberAsync(VssPaths.MediaVolume) < volumeBeforeYes);
    }

    [Fact]
    public async Task RightSideWindow_AsksAboutThePassengerWindowAndYesOpensOnlyIt()
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync("右边的窗户打开");
        var yes = await harness.SayAsync("确定");

        Assert.Equal("您是要打开副驾车窗吗？", report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal(VssPaths.WindowPosition(VssPlaces.PassengerSide), Assert.Single(yes.Actions).Signal);
        Assert.Equal(0, await harness.NumberAsync(DriverWindow));
    }

    [Theory]
    [InlineData("有客户打电话", "有客户")]
    [InlineData("老张说他会打电话", "老张说他会")]
    public async Task ContactThatReadsAsTalk_AskedAndNoCallPlaced(string said, string heardAsContact)
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync(said);

        Assert.Equal($"您是要打电话给{heardAsContact}吗？", report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
    }

    [Theory]
    [InlineData("他们说去如家酒店", "如家酒店")]
    [InlineData("我就去了呢翠微公园", "了呢翠微公园")]
    public async Task NamedPlaceInTalk_AskedAndNotDrivenTo(string said, string heardAsDestination)
    {
        using var harness = new ConversationHarness();

        var report = await harness.SayAsync(said);

        Assert.Equal($"您是要导航到{heardAsDestination}吗？", report.Ask);
        Assert.Empty(report.Actions);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
    }
}
