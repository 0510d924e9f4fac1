using System.Text.Json;
using System.Text;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Tests.Cli;

public class CarCommandLineTests
{
    [Fact]
    public async Task Parse_LinesOnStdin_OneContractObjectPerLine()
    {
        var input = Encoding.UTF8.GetBytes("有点闷，把空调调到22度\n别开窗\n天气怎么样\n");

        var (exitCode, output, _) = await CarProcess.RunAsync(input, "parse");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            """{"text":"有点闷，把空调调到22度","intents":[{"intent":"comfort.stuffy","slots":{}},{"intent":"climate.set_temperature","slots":{"value":22}}]}""",
            lines[0]);
        Assert.Equal("""{"text":"别开窗","intents":[]}""", lines[1]);
    }

    [Fact]
    public async Task Parse_OneLineAtATime_EachAnswerArrivesBeforeTheNextLineIsSent()
    {
        using var car = CarProcess.Start("parse");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            foreach (var utterance in new[] { "打开车窗", "空调调到22度", "冷杉" })
            {
                await car.StandardInput.WriteLineAsync(utterance);
                await car.StandardInput.FlushAsync();

                // The output is buffered only while more input waits: here none does, so the answer comes now.
                var answer = await car.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.StartsWith($$"""{"text":"{{utterance}}",""", answer, StringComparison.Ordinal);
            }

            car.StandardInput.Close();
            await car.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, car.ExitCode);
        }
        finally
        {
            if (!car.HasExited)
            {
                car.Kill();
            }
        }
    }

    [Fact]
    public async Task Parse_IssueExamples_WhatADriverMeant()
    {
        var input = Encoding.UTF8.GetBytes("打电话给小王\n导航到高新区\n播放不能说的秘密\n不想导航了\n冷杉\n");

        var (exitCode, output, _) = await CarProcess.RunAsync(input, "parse");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                """{"text":"打电话给小王","intents":[{"intent":"phone.call","slots":{"contact":"小王"}}]}""",
                """{"text":"导航到高新区","intents":[{"intent":"nav.go","slots":{"destination":"高新区"}}]}""",
                """{"text":"播放不能说的秘密","intents":[{"intent":"media.play","slots":{"query":"不能说的秘密"}}]}""",
                """{"text":"不想导航了","intents":[{"intent":"nav.cancel","slots":{}}]}""",
                """{"text":"冷杉","intents":[]}""",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Parse_AssistantRenamed_ItsWakePhrasesAreNotPartOfTheRequest()
    {
        var input = Encoding.UTF8.GetBytes("导航到梧桐大厦星仔你好\n你好星仔打电话给小王\n");

        var (exitCode, output, _) = await CarProcess.RunAsync(input, "parse", "--set", "Language:AssistantNames:0=星仔");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                """{"text":"导航到梧桐大厦星仔你好","intents":[{"intent":"nav.go","slots":{"destination":"梧桐大厦"}}]}""",
                """{"text":"你好星仔打电话给小王","intents":[{"intent":"phone.call","slots":{"contact":"小王"}}]}""",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Parse_Gazetteer_ArtistBeforeATitleIsSplitAndTheCallIsSure()
    {
        var gazetteer = Path.Combine(Path.GetTempPath(), $"car-gazetteer-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(gazetteer, "artist\t青木川\ncontact\t老高\n");
        try
        {
            var input = Encoding.UTF8.GetBytes("播放青木川的远山\n打电话给老高\n");

            var (exitCode, output, _) = await CarProcess.RunAsync(input, "parse", "--gazetteer", gazetteer);

            Assert.Equal(0, exitCode);
            Assert.Equal(
                [
                    """{"text":"播放青木川的远山","intents":[{"intent":"media.play","slots":{"artist":"青木川","title":"远山"}}]}""",
                    """{"text":"打电话给老高","intents":[{"intent":"phone.call","slots":{"contact":"老高"}}]}""",
                ],
                output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(gazetteer);
        }
    }

    [Fact]
    public async Task Parse_MalformedGazetteer_OneLineNamingFileAndLineExit2()
    {
        var gazetteer = Path.Combine(Path.GetTempPath(), $"car-gazetteer-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(gazetteer, "contact\t老高\n老王\n");
        try
        {
            var (exitCode, output, errors) = await CarProcess.RunAsync(Encoding.UTF8.GetBytes("打开车窗\n"), "parse", "--gazetteer", gazetteer);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Equal($"car: gazetteer {gazetteer}, line 2: expected 'kind<TAB>name' (kinds: contact, artist, title, album, place)", errors.Trim());
        }
        finally
        {
            File.Delete(gazetteer);
        }
    }

    [Fact]
    public async Task Parse_InvalidUtf8Line_StillAnswersEveryLine()
    {
        var input = Encoding.UTF8.GetBytes("打开车窗\n").Concat(new byte[] { 0xFF, 0xFE, 0xC3, 0x28, 0x0A })
            .Concat(Encoding.UTF8.GetBytes("关窗\n")).ToArray();

        var (exitCode, output, _) = await CarProcess.RunAsync(input, "parse");

        var intents = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("intents").GetArrayLength())
            .ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal([1, 0, 1], intents);
    }

    [Fact]
    public async Task Say_Json_ReportsActionOnTheSimulatedWindow()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "有点闷");

        using var report = JsonDocument.Parse(output.Trim());
        var action = report.RootElement.GetProperty("actions")[0];
        Assert.Equal(0, exitCode);
        Assert.Equal(VssPaths.WindowPosition(VssPlaces.DriverSide), action.GetProperty("signal").GetString());
        Assert.Equal(20, action.GetProperty("value").GetDouble());
        Assert.True(action.GetProperty("confirmed").GetBoolean());
        Assert.Equal("已为您打开主驾车窗 20%", report.RootElement.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Say_WhatHappenedOrAPlanForLater_NothingMovesAndAPlanIsAsked()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "刚才车窗自己开了", "明天早上去公司");

        var reports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(2, reports.Count);
        Assert.Equal(0, reports[0].GetProperty("intents").GetArrayLength());
        Assert.Equal(0, reports[0].GetProperty("actions").GetArrayLength());
        Assert.Equal("好的", reports[0].GetProperty("reply").GetString());
        Assert.Equal(0, reports[1].GetProperty("actions").GetArrayLength());
        Assert.Equal("您是要导航到公司吗？", reports[1].GetProperty("ask").GetString());
    }

    [Theory]
    [InlineData("门开了")]
    [InlineData("车停稳了再解锁")]
    [InlineData("到家了再解锁")]
    [InlineData("他让我解锁")]
    public async Task Say_DoorSaidOpenUnlockingPlannedOrRelayed_DoorsStayLockedAndTheCarAsks(string text)
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", text);

        using var report = JsonDocument.Parse(output.Trim());
        Assert.Equal(0, exitCode);
        Assert.Equal(0, report.RootElement.GetProperty("actions").GetArrayLength());
        Assert.Equal("您是要解锁车门吗？", report.RootElement.GetProperty("ask").GetString());
    }

    [Fact]
    public async Task Say_DriverSeatHeatedPassengerSeatOff_OnlyTheDriverSeatHeats()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "主驾座椅加热打开副驾的关掉");

        using var report = JsonDocument.Parse(output.Trim());
        Assert.Equal(0, exitCode);
        var actions = report.RootElement.GetProperty("actions").EnumerateArray().ToList();
        var heated = Assert.Single(actions);
        Assert.Equal("Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling", heated.GetProperty("signal").GetString());
        Assert.True(heated.GetProperty("value").GetInt32() > 0);
        Assert.Contains("副驾座椅加热本来就是关着的", report.RootElement.GetProperty("reply").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("解锁车窗")]
    [InlineData("把儿童锁打开")]
    [InlineData("打开车门灯")]
    [InlineData("解锁手机")]
    public async Task Say_AnotherLockOrTheDoorsLampNamed_DoorsStayLockedAndTheCarSaysItDidNotUnderstand(string text)
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", text);

        using var report = JsonDocument.Parse(output.Trim());
        Assert.Equal(0, exitCode);
        Assert.Equal(0, report.RootElement.GetProperty("actions").GetArrayLength());
        Assert.Equal("抱歉，我没听懂，请换个说法试试", report.RootElement.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Say_AskedToUnlockThenToldNotTo_NothingIsUnlockedEvenAfterAYes()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "门开了", "别解锁", "确定");

        var reports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(0, r.GetProperty("actions").GetArrayLength()));
        Assert.Equal("好的", reports[1].GetProperty("reply").GetString());
    }

    [Theory]
    [InlineData("开窗吧，算了")]
    [InlineData("锁车，等一下，先别锁")]
    [InlineData("把车窗打开一下，算了不用了")]
    [InlineData("开窗，算了吧")]
    [InlineData("打开阅读灯，还是算了吧")]
    [InlineData("别打开车窗和天窗")]
    [InlineData("不要导航和放音乐")]
    [InlineData("外面空气不好别开窗")]
    [InlineData("不能开窗")]
    [InlineData("开窗不行")]
    public async Task Say_RequestTakenBackOrRefusedInTheSameBreath_NothingMovesAndTheCarSaysOk(string text)
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", text);

        using var report = JsonDocument.Parse(output.Trim());
        Assert.Equal(0, exitCode);
        Assert.Equal(0, report.RootElement.GetProperty("actions").GetArrayLength());
        Assert.Equal("好的", report.RootElement.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Say_CallWithAMessageForTheOneCalled_CallsThemAndDoesNotRouteHome()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "打电话给我妈说我晚点回家");

        using var report = JsonDocument.Parse(output.Trim());
        var actions = report.RootElement.GetProperty("actions");
        Assert.Equal(0, exitCode);
        Assert.Equal(1, actions.GetArrayLength());
        Assert.Equal(VssPaths.PhoneActiveCall, actions[0].GetProperty("signal").GetString());
        Assert.Equal("我妈", actions[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Say_OpenTheWindowNotTheAirConditioning_OnlyTheWindowMoves()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "开窗别开空调");

        using var report = JsonDocument.Parse(output.Trim());
        var signals = report.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("signal").GetString()).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal([VssPaths.WindowPosition(VssPlaces.DriverSide)], signals);
        Assert.Equal("已为您打开主驾车窗", report.RootElement.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Say_WindowAndSunroofBeforeOneAction_BothOpen()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "把窗户和天窗都打开");

        using var report = JsonDocument.Parse(output.Trim());
        var signals = report.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("signal").GetString()).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal([VssPaths.WindowPosition(VssPlaces.DriverSide), VssPaths.SunroofPosition], signals);
        Assert.Equal("已为您打开主驾车窗；已为您打开天窗", report.RootElement.GetProperty("reply").GetString());
    }

    [Theory]
    [InlineData("回家还是去公司", "您是要导航到公司吗？")]
    [InlineData("给小王打电话还是发微信", "您是要打电话给小王吗？")]
    [InlineData("开空调会费油吗", "您是要打开空调吗？")]
    [InlineData("他说要开窗", "您是要打开车窗吗？")]
    [InlineData("车门没关", "您是要锁车吗？")]
    [InlineData("还有多久到公司", "您是要导航到公司吗？")]
    public async Task Say_RequestWeighedReportedOrOnlyDescribed_NothingMovesAndTheCarAsks(string text, string question)
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", text);

        using var report = JsonDocument.Parse(output.Trim());
        Assert.Equal(0, exitCode);
        Assert.Equal(0, report.RootElement.GetProperty("actions").GetArrayLength());
        Assert.Equal(question, report.RootElement.GetProperty("ask").GetString());
    }

    [Fact]
    public async Task Say_VolumeCorrectedMidSentence_OnlyTheCorrectedValueIsSet()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "把音量调到20，不对，30");

        using var report = JsonDocument.Parse(output.Trim());
        var actions = report.RootElement.GetProperty("actions");
        Assert.Equal(0, exitCode);
        Assert.Equal(1, actions.GetArrayLength());
        Assert.Equal(VssPaths.MediaVolume, actions[0].GetProperty("signal").GetString());
        Assert.Equal(30, actions[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Say_NotGoingToTheAirportAnyMore_EndsTheRouteThere()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "带我去机场", "不去机场了");

        var reports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var action = reports[1].GetProperty("actions")[0];
        Assert.Equal(0, exitCode);
        Assert.Equal(VssPaths.NavigationDestination, action.GetProperty("signal").GetString());
        Assert.Equal(string.Empty, action.GetProperty("value").GetString());
        Assert.Equal("已结束导航", reports[1].GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Say_OpenTheWindowForAir_MovesTheWindowOnceAndConfirmsIt()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--json", "开窗透气");

        using var report = JsonDocument.Parse(output.Trim());
        var actions = report.RootElement.GetProperty("actions");
        Assert.Equal(0, exitCode);
        Assert.Equal(1, actions.GetArrayLength());
        Assert.Equal(VssPaths.WindowPosition(VssPlaces.DriverSide), actions[0].GetProperty("signal").GetString());
        Assert.True(actions[0].GetProperty("confirmed").GetBoolean());
        Assert.Equal("已为您打开主驾车窗", report.RootElement.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task Say_MusicIsALittleLoud_TurnsTheVolumeDown()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync(
            [], "say", "--json", "--set", $"Simulator:StartValues:{VssPaths.MediaVolume}=50", "声音有点大");

        using var report = JsonDocument.Parse(output.Trim());
        var action = report.RootElement.GetProperty("actions")[0];
        Assert.Equal(0, exitCode);
        Assert.Equal(VssPaths.MediaVolume, action.GetProperty("signal").GetString());
        Assert.Equal(40, action.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Say_HighwayScenario_RefusesTheTrunk()
    {
        var (_, output, _) = await CarProcess.RunAsync([], "say", "--scenario", "highway", "打开后备箱");

        Assert.Contains("refused: trunk.open", output, StringComparison.Ordinal);
        Assert.Contains("行驶中不能打开后备箱", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_UnknownScenario_FailsNamingTheChoices()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--scenario", "moon", "关窗");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("highway", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_MissingSignalCatalog_FailsWithTheFileNamed()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--set", "SignalCatalog:Directory=/nonexistent", "关窗");

        Assert.Equal(2, exitCode);
        Assert.Equal("car: The VSS catalog '/nonexistent/vss-4.2.json' is unusable: the file does not exist.", errors.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Say_StartValueOutOfRange_FailsNamingThePath()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--set", $"Simulator:StartValues:{VssPaths.FuelLevel}=120", "关窗");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"car: Simulator:StartValues:{VssPaths.FuelLevel}: ", errors.Trim().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_MissingLanguageData_FailsWithTheFileNamed()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--set", "Language:ModelDirectory=/nonexistent", "关窗");

        Assert.Equal(2, exitCode);
        Assert.Equal("car: The language data '/nonexistent/schema.json' is unusable: the file does not exist.", errors.Trim());
    }

    [Fact]
    public async Task Say_InvalidSetting_OneLineNamingTheSetting()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--set", "Policy:HighSpeedKmh=0", "关窗");

        Assert.Equal(2, exitCode);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("HighSpeedKmh", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_SessionKeepsContextUntilInputEnds()
    {
        var input = Encoding.UTF8.GetBytes("空调调到22度\n再低一点\n:quit\n");

        var (exitCode, output, _) = await CarProcess.RunAsync(input);

        Assert.Equal(0, exitCode);
        Assert.Contains("已将温度调到 21 度", output, StringComparison.Ordinal);
    }
}
