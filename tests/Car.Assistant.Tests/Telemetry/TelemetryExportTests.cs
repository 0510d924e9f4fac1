using Car.Assistant.Tests.Cli;

namespace Car.Assistant.Tests.Telemetry;

/// <summary>Telemetry:Exporter chooses where the turns' spans go, through the real program.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Say_ConsoleExporter_PrintsOneSpanPerStageWithItsFindings()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--set", "Telemetry:Exporter=console", "有点闷");

        Assert.Equal(0, exitCode);
        foreach (var stage in (string[])["turn", "parse", "policy", "actuate"])
        {
            Assert.Contains($"Activity.DisplayName:        {stage}\n", output, StringComparison.Ordinal);
        }

        Assert.Contains("car.parse.engine: rules", output, StringComparison.Ordinal);
        Assert.Contains("car.reply: 已为您打开主驾车窗 20%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_UnknownExporter_OneLineNamingTheChoicesAndExitTwo()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync([], "say", "--set", "Telemetry:Exporter=jaeger", "有点闷");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal("car: setting Telemetry:Exporter=jaeger (command line): allowed: one of None, Console, Otlp", errors.Trim());
    }
}
