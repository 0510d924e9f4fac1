using System.Text.RegularExpressions;
using Car.Testing;

namespace Car.Language.Tests.Language;

public class RuleParserTests
{
    [Fact]
    public void Parse_EveryIntentOfTheSchema_ParsesFromItsOwnExample()
    {
        foreach (var intent in TestModel.Model.Schema.Intents)
        {
            foreach (var example in intent.Examples)
            {
                var parsed = TestModel.Parser.Parse(example).Intents;
                Assert.True(parsed.Count == 1 && parsed[0].Name == intent.Name,
                    $"'{example}' should parse as {intent.Name}, got {TestModel.Compact(parsed)}");
            }
        }
    }

    [Theory]
    [InlineData("空调调到二十二度半", "climate.set_temperature(value=22.5)")]
    [InlineData("空调调到二十二点五度", "climate.set_temperature(value=22.5)")]
    [InlineData("温度调高两度", "climate.adjust_temperature(delta=2)")]
    [InlineData("温度低一点", "climate.adjust_temperature(delta=-1)")]
    [InlineData("车窗开到百分之三十", "window.open(percent=30)")]
    [InlineData("天窗开三分之一", "sunroof.open(percent=33)")]
    [InlineData("风量开到最大", "climate.set_fan(level=7)")]
    [InlineData("音量调到最大", "media.set_volume(value=100)")]
    [InlineData("把声音调大一点", "media.adjust_volume(delta=10)")]
    [InlineData("窗户开条缝", "window.open(percent=20)")]
    public void Parse_Numbers_AreNormalisedAsTheContractSays(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    [Theory]
    [InlineData("主驾车窗打开", "driver")]
    [InlineData("我这边的窗户打开", "driver")]
    [InlineData("副驾驶车窗打开", "passenger")]
    [InlineData("右前车窗打开", "passenger")]
    [InlineData("左后车窗打开", "rear_left")]
    [InlineData("右后车窗打开", "rear_right")]
    [InlineData("前排车窗打开", "front")]
    [InlineData("后排车窗打开", "rear")]
    [InlineData("所有车窗打开", "all")]
    [InlineData("打开主驾和副驾的车窗", "front")]
    public void Parse_Positions_MapToContractValues(string text, string position)
    {
        Assert.Equal($"window.open(position={position})", TestModel.Parse(text));
    }

    [Theory]
    [InlineData("有点闷，把空调调到22度", "comfort.stuffy; climate.set_temperature(value=22)")]
    [InlineData("打开车窗然后放首歌", "window.open; media.play")]
    [InlineData("打开空调并且开内循环", "climate.on; climate.recirculation(mode=inner)")]
    [InlineData("关窗再把温度调到二十度", "window.close; climate.set_temperature(value=20)")]
    [InlineData("导航去公司顺便放点音乐", "nav.go(destination=公司); media.play")]
    [InlineData("打开车窗和天窗", "window.open; sunroof.open")]
    [InlineData("副驾车窗开一半空调调到22度", "window.open(percent=50,position=passenger); climate.set_temperature(value=22)")]
    public void Parse_SeveralRequests_KeepSpokenOrder(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    [Theory]
    [InlineData("别开窗")]
    [InlineData("不要打开空调")]
    [InlineData("我不想听歌")]
    [InlineData("空调不要关")]
    [InlineData("不用开导航")]
    public void Parse_Negated_GivesNothing(string text)
    {
        Assert.Equal("-", TestModel.Parse(text));
    }

    [Fact]
    public void Parse_NegatedThenRequested_KeepsOnlyTheRequest()
    {
        Assert.Equal("climate.on", TestModel.Parse("别开窗，把空调打开"));
    }

    [Theory]
    [InlineData("算了")]
    [InlineData("不用了")]
    [InlineData("取消")]
    public void Parse_Cancel_IsAssistantCancel(string text)
    {
        Assert.Equal("assistant.cancel", TestModel.Parse(text));
    }

    [Theory]
    [InlineData("天气怎么样")]
    [InlineData("讲个笑话")]
    [InlineData("你是谁")]
    [InlineData("美国的首都是哪里")]
    public void Parse_OutOfDomain_GivesNothing(string text)
    {
        Assert.Equal("-", TestModel.Parse(text));
    }

    /// <summary>Talk that holds a carrier word (去, 听听) is told, not asked for: nothing is done without asking first.</summary>
    [Theory]
    [InlineData("我们去哪儿吃饭比较好")]
    [InlineData("我想听听你的看法")]
    [InlineData("他去上海出差了")]
    [InlineData("去接老婆")]
    [InlineData("我要去一个好地方")]
    public void Parse_TalkAroundACarrierWord_NothingDoneWithoutAsking(string text)
    {
        var intents = TestModel.Parser.Parse(text).Intents;

        Assert.DoesNotContain(intents, i => i.IsClear && i.Name != IntentNames.PoiSearch);
    }

    /// <summary>How it is, not how it should be: the car goes the other way (the volume down when it is loud).</summary>
    [Theory]
    [InlineData("音乐声音有点大", "media.adjust_volume(delta=-10)")]
    [InlineData("声音有点小", "media.adjust_volume(delta=10)")]
    [InlineData("温度有点高", "climate.adjust_temperature(delta=-1)")]
    [InlineData("风有点大", "climate.adjust_fan(delta=-1)")]
    [InlineData("屏幕有点暗", "screen.adjust_brightness(delta=10)")]
    [InlineData("声音开大一点", "media.adjust_volume(delta=10)")]
    public void Parse_ComplaintAboutALevel_AdjustsTheOtherWay(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    /// <summary>A window or the sunroof open too wide is not opened wider; "not that hot" asks for nothing.</summary>
    [Theory]
    [InlineData("车窗有点大")]
    [InlineData("天窗开得有点大")]
    [InlineData("没那么热")]
    public void Parse_ComplaintThatAnOpeningCannotAnswer_OpensNothing(string text)
    {
        Assert.Equal("-", TestModel.Parse(text));
    }

    /// <summary>A door, the trunk or a window is not opened on a question or on words that deny asking for it.</summary>
    [Theory]
    [InlineData("我没说要开门")]
    [InlineData("开门做什么")]
    [InlineData("谁把车窗打开了")]
    [InlineData("怎么打开后备箱")]
    public void Parse_QuestionOrDenialAboutOpening_OpensNothing(string text)
    {
        Assert.DoesNotContain(TestModel.Parser.Parse(text).Intents, i => i.Name is IntentNames.DoorUnlock or IntentNames.TrunkOpen or IntentNames.WindowOpen);
    }

    [Fact]
    public void Parse_ComplaintWithoutSubject_IsAFollowUpTheOtherWay()
    {
        Assert.Equal(-1, Assert.IsType<AdjustFollowUp>(TestModel.Parser.Parse("有点大").FollowUp).Direction);
    }

    [Theory]
    [InlineData("再低一点", -1)]
    [InlineData("再大一点", 1)]
    [InlineData("再开大一点", 1)]
    public void Parse_AdjustWithoutSubject_IsAFollowUpNotAnIntent(string text, int direction)
    {
        var result = TestModel.Parser.Parse(text);

        Assert.Empty(result.Intents);
        Assert.Equal(direction, Assert.IsType<AdjustFollowUp>(result.FollowUp).Direction);
    }

    [Fact]
    public void Parse_AdjustWithDegrees_IsATemperatureChangeEvenWithoutSubject()
    {
        Assert.Equal("climate.adjust_temperature(delta=2)", TestModel.Parse("再高两度"));
    }

    [Fact]
    public void Parse_AlsoForAnotherSeat_IsAFollowUpWithThePosition()
    {
        Assert.Equal(Positions.Passenger, Assert.IsType<AlsoFollowUp>(TestModel.Parser.Parse("副驾也要").FollowUp).Position);
    }

    [Fact]
    public void Parse_Ordinal_IsASelection()
    {
        Assert.Equal(2, Assert.IsType<SelectFollowUp>(TestModel.Parser.Parse("第二个").FollowUp).Index);
    }

    [Theory]
    [InlineData("换一批")]
    [InlineData("还有别的吗")]
    [InlineData("再换一批吧")]
    public void Parse_AskForOtherChoices_IsAFollowUpForTheNextOnes(string text)
    {
        var parse = TestModel.Parser.Parse(text);

        Assert.IsType<MoreChoicesFollowUp>(parse.FollowUp);
        Assert.Empty(parse.Intents);
    }

    [Fact]
    public void Parse_StillStuffy_IsTheNeedMarkedRepeated()
    {
        var result = TestModel.Parser.Parse("还是有点闷");

        Assert.Equal("comfort.stuffy", TestModel.Compact(result.Intents));
        Assert.True(result.Repeated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("\u0001\u0002\u0003")]
    [InlineData("\uFFFD\uFFFD")]
    [InlineData("，，，。。。")]
    public void Parse_NothingReadable_GivesNoIntentAndNoError(string text)
    {
        var result = TestModel.Parser.Parse(text);

        Assert.Empty(result.Intents);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Parse_TenThousandCharacters_RejectedWithAClearError()
    {
        var text = string.Concat(Enumerable.Repeat("打开车窗", 2500));

        var result = TestModel.Parser.Parse(text);

        Assert.Empty(result.Intents);
        Assert.Contains("too long", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmojiInsideARequest_StillUnderstood()
    {
        Assert.Equal("window.open", TestModel.Parse("打开😀车窗"));
    }

    [Fact]
    public void Parse_ZeroWidthSpaceInsideUnlock_StillUnlocks()
    {
        Assert.Equal("door.unlock", TestModel.Parse("解\u200B锁车门"));
    }

    [Theory]
    [InlineData("空调调到零下四十度", "climate.set_temperature(value=-40)")]
    [InlineData("空调调到负五度", "climate.set_temperature(value=-5)")]
    [InlineData("空调调到-5度", "climate.set_temperature(value=-5)")]
    [InlineData("空调调到\u22125度", "climate.set_temperature(value=-5)")]
    public void Parse_NegativeTemperature_KeepsTheSign(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    [Fact]
    public void Parse_LongAdversarialInputToATemplate_ParsesWithoutException()
    {
        var text = "给" + string.Concat(Enumerable.Repeat("给打", 900)) + "打电";

        var exception = Record.Exception(() => TestModel.Parser.Parse(text));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("音量从三十调到二十", "media.set_volume(value=20)")]
    [InlineData("温度从二十六调到二十二", "climate.set_temperature(value=22)")]
    [InlineData("温度从二十六度调到二十二度", "climate.set_temperature(value=22)")]
    public void Parse_FromToRange_TakesTheTarget(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    [Theory]
    [InlineData("空调调到二十二点二五度", "climate.set_temperature(value=22.5)")]
    [InlineData("空调调到二十二点二度", "climate.set_temperature(value=22)")]
    [InlineData("空调调到二十二点七度", "climate.set_temperature(value=22.5)")]
    [InlineData("空调调到二十二点七五度", "climate.set_temperature(value=23)")]
    [InlineData("音量调到二十点五", "media.set_volume(value=21)")]
    [InlineData("音量调到二十点四", "media.set_volume(value=20)")]
    public void Parse_Decimal_RoundsHalfUpToTheSlotResolution(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    [Fact]
    public void Schema_TemperatureAndVolume_HaveTheirResolution()
    {
        var intents = TestModel.Model.Schema.Intents.ToDictionary(i => i.Name);

        Assert.Equal(0.5, intents["climate.set_temperature"].Slots.Single(s => s.Name == "value").Resolution);
        Assert.Equal(1, intents["media.set_volume"].Slots.Single(s => s.Name == "value").Resolution);
    }

    [Theory]
    [InlineData("空调调到<font size=18>22</font>度", "climate.set_temperature(value=22)")]
    [InlineData("[18]空调调到22度", "climate.set_temperature(value=22)")]
    [InlineData("<h1>音量调到二十</h1>", "media.set_volume(value=20)")]
    public void Parse_DigitsInsideMarkup_AreNotValues(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Parse(text));
    }

    [Theory]
    [InlineData(SlotNames.Contact)]
    [InlineData(SlotNames.Destination)]
    public void Templates_OfTheLexicon_AreNonBacktrackingWithoutATimeout(string name)
    {
        var templates = TestModel.Model.Lexicon.Templates(name);

        Assert.NotEmpty(templates);
        Assert.All(templates, t =>
        {
            Assert.True(t.Options.HasFlag(RegexOptions.NonBacktracking));
            Assert.Equal(Regex.InfiniteMatchTimeout, t.MatchTimeout);
        });
    }
}
