using Car.Assistant.Tests.Cli;

namespace Car.Assistant.Tests.Dashboard;

/// <summary><c>Dashboard:Url</c> as <c>car serve</c> checks it.</summary>
public sealed class DashboardSettingsTests
{
    [Theory]
    [InlineData("ftp://127.0.0.1:8080", "car: Dashboard:Url: 'ftp://127.0.0.1:8080' is not an http:// address")]
    [InlineData("http://0.0.0.0:0", "car: Dashboard:Url: http://0.0.0.0:0/ listens beyond loopback")]
    public async Task Serve_DashboardUrlNotUsable_OneLineAndExitTwo(string url, string message)
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "serve", "--set", "Broker:Url=http://127.0.0.1:0", "--set", $"Dashboard:Url={url}");

        Assert.Equal(2, exitCode);
        Assert.StartsWith(message, errors.Trim(), StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
    }
}
