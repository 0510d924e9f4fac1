using System.Text;
using System.Text.Json;

namespace Car.Assistant.Tests.Cli;

/// <summary>stdout carries answers, stderr diagnostics; normal operation logs nothing; --json is JSON lines only.</summary>
public sealed class OutputDisciplineTests
{
    [Fact]
    public async Task Say_NormalOperation_NothingOnStderr()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync([], "say", "有点闷");

        Assert.Equal(0, exitCode);
        Assert.Contains("reply:", output, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Interactive_Json_OnlyJsonLines()
    {
        var input = Encoding.UTF8.GetBytes("有点闷\n:help\n再开大一点\n");

        var (exitCode, output, errors) = await CarProcess.RunAsync(input, "--json");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
    }

    [Fact]
    public async Task Interactive_Help_ListsTheCommands()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync(Encoding.UTF8.GetBytes(":help\n"));

        Assert.Equal(0, exitCode);
        Assert.Contains(":quit", output, StringComparison.Ordinal);
        Assert.Contains(":scenario parked|city|highway|rain", output, StringComparison.Ordinal);
        Assert.Contains(":state", output, StringComparison.Ordinal);
        Assert.DoesNotContain("没听懂", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_WithAnUnusableModel_NoWarning()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "say", "--quiet", "--model", "/nonexistent/model.gguf", "关窗");

        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
    }
}
