using Car.Assistant.Tests.Cli;

namespace Car.Assistant.Tests.Policy.Safety;

/// <summary>Safety limits are code: a setting may tighten one, and one that would loosen it stops the program with one line.</summary>
public sealed class HardLimitsTests
{
    [Theory]
    [InlineData("Policy:HighSpeedKmh=250")]
    [InlineData("Policy:MaxOpeningAtHighSpeed=100")]
    [InlineData("Policy:FreshAirSpeedKmh=200")]
    [InlineData("Policy:RainThreshold=90")]
    public async Task Set_LooseningALimit_ExitsWithTheKeyAndTheLimit(string setting)
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync([], "say", "--set", setting, "有点闷");

        Assert.Equal(2, exitCode);
        Assert.Contains(setting, errors, StringComparison.Ordinal);
        Assert.Contains("would loosen a safety limit", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("已为您", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_LooseningALimit_IsRefusedToo()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync(
            [], new Dictionary<string, string> { ["CAR_Policy__FreshAirSpeedKmh"] = "200" }, "say", "有点闷");

        Assert.Equal(2, exitCode);
        Assert.Contains("Policy:FreshAirSpeedKmh=200", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_TighteningALimit_IsAccepted()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync([], "say", "--scenario", "city", "--set", "Policy:MaxOpeningAtHighSpeed=20", "关窗");

        Assert.Equal(0, exitCode);
        Assert.Contains("reply:", output, StringComparison.Ordinal);
    }
}
