namespace Car.Assistant.Tests.Cli;

/// <summary>Ctrl+C and SIGTERM stop a waiting session at once (the console read is cancelled), with 130 and 143.</summary>
public sealed class SignalTests
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Interactive_SignalWhileWaitingForALine_StopsWithinASecond(string signal, int expected)
    {
        var (exitCode, stopping, output, errors) = await CarProcess.SignalAsync("关窗\n", "reply:", signal);

        Assert.Equal(expected, exitCode);
        Assert.True(stopping < Promise, $"stopped after {stopping.TotalMilliseconds:F0} ms");
        Assert.Contains("reply:", output, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Parse_CtrlCWhileWaitingForStdin_Exits130()
    {
        var (exitCode, stopping, _, errors) = await CarProcess.SignalAsync("关窗\n", "window.close", "INT", "parse");

        Assert.Equal(130, exitCode);
        Assert.True(stopping < Promise, $"stopped after {stopping.TotalMilliseconds:F0} ms");
        Assert.Empty(errors);
    }
}
