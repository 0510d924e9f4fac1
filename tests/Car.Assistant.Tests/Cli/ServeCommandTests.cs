using System.Diagnostics;
using System.Text;
using Car.VehicleBus.Signals;
using Car.Testing;

namespace Car.Assistant.Tests.Cli;

/// <summary>
/// The real programs: <c>car serve</c> as a head-unit service in one process, <c>car bus …</c> and
/// <c>car --broker … say</c> in others, as an integrator would use them from two terminals.
/// </summary>
public sealed class ServeCommandTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    [Fact]
    public async Task Serve_BusActuateFromAnotherProcess_WindowMovesGetShowsItAndSigtermStops()
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var serve = await ServeAsync(url, "--set", "Simulator:WindowTravelTime=00:00:00.500");

        var actuate = await CarProcess.RunAsync([], "bus", "actuate", "--broker", url, DriverWindow, "50", "--wait", "00:00:10");
        var get = await CarProcess.RunAsync([], "bus", "get", "--broker", url, DriverWindow);
        var say = await CarProcess.RunAsync([], "say", "--broker", url, "--json", "关闭主驾车窗");
        Signal(serve, "TERM");
        var stopped = serve.WaitForExit(TimeSpan.FromSeconds(15));

        Assert.True(actuate.ExitCode == 0, actuate.Output + actuate.Errors);
        Assert.Contains($"[actuate] done: {DriverWindow} reached 50", actuate.Output, StringComparison.Ordinal);
        Assert.Equal($"{DriverWindow}: 50", get.Output.Trim());
        Assert.Contains($"\"signal\":\"{DriverWindow}\",\"value\":0,\"confirmed\":true", say.Output, StringComparison.Ordinal);
        Assert.True(stopped, "car serve did not stop on SIGTERM");
        Assert.Equal(143, serve.ExitCode); // stopped by SIGTERM, as README's exit codes say
    }

    [Fact]
    public async Task Serve_PartialWindowFault_SayReportsPartlyDoneWithTheReason()
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var serve = await ServeAsync(url, "--fault", $"{DriverWindow}=partial", "--set", "Simulator:WindowTravelTime=00:00:00.400");
        try
        {
            var say = await CarProcess.RunAsync([], "say", "--broker", url, "--json", "--set", "Actions:ConfirmationTimeout=00:00:02", "主驾车窗打开一半");

            Assert.Contains("\"outcome\":\"partly_done\"", say.Output, StringComparison.Ordinal);
            Assert.Contains("车窗只开到了一半（25%），可能有障碍物", say.Output, StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Bus_NoBrokerThere_OneLineAndExitOne()
    {
        var get = await CarProcess.RunAsync([], "bus", "get", "--broker", $"http://127.0.0.1:{LoopbackPort.Free()}", DriverWindow);

        Assert.Equal(1, get.ExitCode);
        Assert.StartsWith("car: bus: Unavailable: the broker at", get.Errors.Trim(), StringComparison.Ordinal);
    }

    private static async Task<Process> ServeAsync(string url, params string[] extra)
    {
        // The dashboard is off here: its own tests run it on a free port (Dashboard/DashboardFixture.cs).
        var process = await CarServeProcess.StartAsync(["serve", "--set", $"Broker:Url={url}", "--set", "Dashboard:Url=", .. extra], new StringBuilder());

        // The simulated car claims its actuators just after the broker starts listening.
        await Task.Delay(1000);
        return process;
    }

    private static void Signal(Process process, string signal) =>
        Process.Start("kill", $"-{signal} {process.Id}")!.WaitForExit();

}
