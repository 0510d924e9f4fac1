using Car.Assistant.Dialogue;
using Car.Language;
using Car.Language.Llm;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>导航 or 打电话 said alone: the car asks where or whom, and the next utterance is the answer.</summary>
public class AwaitedValueTests
{
    [Fact]
    public async Task NavigateAlone_AsksWhere_ThenAPlaceSaidAloneIsTheDestination()
    {
        using var harness = new ConversationHarness();

        var asked = await harness.SayAsync("导航");
        var answered = await harness.SayAsync("西湖");

        Assert.Equal("您要去哪里？", asked.Reply);
        Assert.Empty(asked.Actions);
        Assert.Equal("西湖", (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Null(answered.Ask);
    }

    [Theory]
    [InlineData("请导航到", "您要去哪里？")]
    [InlineData("你好帮我导航去", "您要去哪里？")]
    [InlineData("麻烦拨电话", "您要打给谁？")]
    [InlineData("帮我回拨", "您要打给谁？")]
    [InlineData("重拨一下", "您要打给谁？")]
    public async Task CarrierWithNothingAfterIt_AsksForTheValue_NotWhetherTheCarrierIsIt(string said, string question)
    {
        using var harness = new ConversationHarness();

        var asked = await harness.SayAsync(said);

        Assert.Equal(question, asked.Reply);
        Assert.Empty(asked.Actions);
    }

    [Fact]
    public async Task CallAlone_AsksWhom_ThenANameSaidAloneIsCalled()
    {
        using var harness = new ConversationHarness();

        var asked = await harness.SayAsync("我要打电话");
        await harness.SayAsync("小王");

        Assert.Equal("您要打给谁？", asked.Reply);
        Assert.Equal("小王", (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
    }

    [Theory]
    [InlineData("多谢你了")]
    [InlineData("升级一下系统")]
    public async Task CallAlone_ThenTalkThatIsNoName_AsksBeforeCallingAnyone(string said)
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("我要打电话");
        var answered = await harness.SayAsync(said);

        Assert.Empty(answered.Actions);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
        Assert.Equal($"您是要打电话给{said}吗？", answered.Ask);
    }

    [Theory]
    [InlineData("谢谢")]
    [InlineData("好的知道了")]
    public async Task CallAlone_ThenThanksOrOkay_CallsNobodyAndAsksNothing(string said)
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("我要打电话");
        var answered = await harness.SayAsync(said);

        Assert.Empty(answered.Actions);
        Assert.Null(answered.Ask);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
    }

    [Theory]
    [InlineData(RuleParser.EngineName, "phone.call")]
    [InlineData(LlmIntentParser.EngineName, null)]
    public void Completed_OnlyWhatTheRulesReadAnswersTheQuestion(string engine, string? answered)
    {
        var awaited = new AwaitedValue(IntentNames.PhoneCall);
        var call = new Intent(IntentNames.PhoneCall).With(SlotNames.Contact, SlotValue.Of("我再想想"));

        var completed = awaited.Completed(new ParsedUtterance("打电话给我再想想", [call], engine));

        Assert.Equal(answered, completed?.Name);
    }

    [Fact]
    public async Task NavigateAlone_ThenAnotherRequest_HandlesThatRequestAndForgetsTheQuestion()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("导航");
        var window = await harness.SayAsync("打开车窗");
        var later = await harness.SayAsync("西湖");

        Assert.NotEmpty(window.Actions);
        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Empty(later.Actions);
    }
}
