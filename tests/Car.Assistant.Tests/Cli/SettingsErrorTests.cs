using System.Text.Json;

namespace Car.Assistant.Tests.Cli;

/// <summary>
/// Every bad setting, wherever it comes from, ends the program with one line naming the key, the value, its source
/// and what is allowed (exit 2); options and --set merge, and the options that were given win.
/// </summary>
public sealed class SettingsErrorTests
{
    [Theory]
    [InlineData("Policy:HighSpeedKmh=abc", "a number from 1 to 250")]
    [InlineData("Llm:Deadline=fast", "a duration hh:mm:ss[.fff] from 00:00:00.050 to 00:01:00")]
    [InlineData("Simulator:Scenario=moon", "one of Parked, City, Highway, Rain")]
    [InlineData("Llm:MemoryMap=maybe", "true or false")]
    [InlineData("Logging:LogLevel:Default=loud", "one of Trace, Debug, Information, Warning, Error, Critical, None")]
    public async Task Set_WrongType_OneLineWithKeyValueAndWhatIsAllowed(string setting, string allowed)
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync([], "say", "--set", setting, "关窗");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"car: setting {setting} (command line): allowed: {allowed}", errors.Trim());
    }

    [Fact]
    public async Task Environment_WrongType_NamesTheVariable()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["CAR_Policy__HighSpeedKmh"] = "abc" }, "say", "关窗");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "car: setting Policy:HighSpeedKmh=abc (environment variable CAR_Policy__HighSpeedKmh): allowed: a number from 1 to 250",
            errors.Trim());
    }

    [Fact]
    public async Task Set_MisspeltSection_NamesTheSections()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--set", "Polcy:X=1", "关窗");

        Assert.Equal(2, exitCode);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("car: setting Polcy:X=1 (command line): there is no section 'Polcy'; the sections are Actions, Asr,", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_UnknownKeyInAKnownSection_NamesTheKeys()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--set", "Policy:HighSpeed=90", "关窗");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("car: setting Policy:HighSpeed=90 (command line): Policy has no setting 'HighSpeed'; it has ComfortOpening,", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentFile_WrongValue_NamesTheFile()
    {
        using var file = EnvironmentFile.Write("""{ "Actions": { "BusCallTimeout": "soon" } }""");

        var (exitCode, _, errors) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = file.Environment }, "say", "关窗");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"car: setting Actions:BusCallTimeout=soon (appsettings.{file.Environment}.json): allowed: a duration", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentFile_IsRead()
    {
        using var file = EnvironmentFile.Write("""{ "Simulator": { "Scenario": "Highway" } }""");

        var (exitCode, output, _) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = file.Environment }, "say", "打开后备箱");

        Assert.Equal(0, exitCode);
        Assert.Contains("refused: trunk.open", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentFile_NotJson_OneLine()
    {
        using var file = EnvironmentFile.Write("""{ "Simulator": """);

        var (exitCode, _, errors) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = file.Environment }, "say", "关窗");

        Assert.Equal(2, exitCode);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"appsettings.{file.Environment}.json is not valid JSON", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentScenario_NotOverriddenByTheOptionsDefault()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["CAR_Simulator__Scenario"] = "highway" }, "say", "打开后备箱");

        Assert.Equal(0, exitCode);
        Assert.Contains("refused: trunk.open", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionAndSet_SameKey_TheOptionWins()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync(
            [], "say", "--scenario", "parked", "--set", "Simulator:Scenario=highway", "--engine", "rules", "--set", "Llm:Engine=llm", "打开后备箱");

        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
        Assert.DoesNotContain("refused", output, StringComparison.Ordinal);
        Assert.Contains("intents (rules)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_SameKeyTwice_TheLastWins()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync(
            [], "say", "--set", "Simulator:Scenario=parked", "--set", "Simulator:Scenario=highway", "打开后备箱");

        Assert.Equal(0, exitCode);
        Assert.Contains("refused: trunk.open", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLogFormat_EveryDiagnosticLineIsJson()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync([], "say", "--verbose", "--set", "Logging:Console:FormatterName=json", "关窗");

        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Contains("reply:", output, StringComparison.Ordinal);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
    }

    [Theory]
    [InlineData("--gpu-layers", "abc", "car: --gpu-layers takes a whole number of layers (0: CPU only, -1: all), not 'abc'.")]
    [InlineData("--scenario", "moon", "car: Argument 'moon' not recognized. Must be one of:")]
    public async Task Option_WrongValue_UsageErrorExit1(string option, string value, string expected)
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", option, value, "关窗");

        Assert.Equal(1, exitCode);
        Assert.StartsWith(expected, errors.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", errors, StringComparison.Ordinal);
    }

    /// <summary>An appsettings.{Environment}.json beside the program, under a name no other test uses.</summary>
    private sealed class EnvironmentFile : IDisposable
    {
        private EnvironmentFile(string environment)
        {
            Environment = environment;
        }

        public string Environment { get; }

        private string Path => System.IO.Path.Combine(AppContext.BaseDirectory, $"appsettings.{Environment}.json");

        public static EnvironmentFile Write(string json)
        {
            var file = new EnvironmentFile($"Test{Guid.NewGuid():N}");
            File.WriteAllText(file.Path, json);
            return file;
        }

        public void Dispose() => File.Delete(Path);
    }
}
