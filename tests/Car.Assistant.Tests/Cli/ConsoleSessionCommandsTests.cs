using System.Text;
using System.Text.Json;

namespace Car.Assistant.Tests.Cli;

/// <summary>The interactive session's own commands (<c>:scenario</c>, <c>:state</c>), through the real program.</summary>
public sealed class ConsoleSessionCommandsTests
{
    [Fact]
    public async Task Interactive_ScenarioHighway_TrunkRefusedAndStateShowsTheSpeed()
    {
        var input = Encoding.UTF8.GetBytes("打开后备箱\n:scenario highway\n打开后备箱\n:state\n");

        var (exitCode, output, errors) = await CarProcess.RunAsync(input);

        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
        var highway = output.IndexOf("scenario: highway", StringComparison.Ordinal);
        Assert.True(highway > 0, output);
        Assert.DoesNotContain("行驶中不能打开后备箱", output[..highway], StringComparison.Ordinal);
        Assert.Contains("行驶中不能打开后备箱", output[highway..], StringComparison.Ordinal);
        Assert.Contains("  Vehicle.Speed = 110", output, StringComparison.Ordinal);
        Assert.Contains("  Vehicle.Cabin.Door.Row1.DriverSide.Window.Position = 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_ScenarioUnknown_SaysWhatItTakesAndTheCarStaysParked()
    {
        var (exitCode, output, _) = await CarProcess.RunAsync(Encoding.UTF8.GetBytes(":scenario moon\n:scenario\n:state\n"));

        Assert.Equal(0, exitCode);
        Assert.Contains(":scenario takes parked|city|highway|rain, not 'moon'", output, StringComparison.Ordinal);
        Assert.Contains(":scenario takes parked|city|highway|rain, not ''", output, StringComparison.Ordinal);
        Assert.Contains("  Vehicle.Speed = 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_JsonStateAfterRain_OneJsonObjectWithTheSensors()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync(Encoding.UTF8.GetBytes(":scenario rain\n:state\n"), "--json");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"scenario\":\"rain\"}", lines[0]);
        using var state = JsonDocument.Parse(lines[1]);
        Assert.Equal(60, state.RootElement.GetProperty("state").GetProperty("Vehicle.Body.Raindetection.Intensity").GetDouble());
        Assert.Equal(50, state.RootElement.GetProperty("state").GetProperty("Vehicle.Speed").GetDouble());
    }
}
