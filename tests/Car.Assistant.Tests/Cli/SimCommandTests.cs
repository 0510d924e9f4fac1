using System.Xml.Linq;

namespace Car.Assistant.Tests.Cli;

public class SimCommandTests
{
    [Fact]
    public async Task SimRun_OnePassingOneFailing_Exit1PrintsTheFailedStepAndWritesJUnit()
    {
        var directory = Directory.CreateTempSubdirectory("car-sim-").FullName;
        try
        {
            var passing = Path.Combine(directory, "mute.json");
            var failing = Path.Combine(directory, "wrong.json");
            var junit = Path.Combine(directory, "results.xml");
            await File.WriteAllTextAsync(passing, """{"name": "mute", "steps": [{"say": "静音"}, {"expect": "Vehicle.Cabin.Infotainment.Media.IsMuted", "equals": true}]}""");
            await File.WriteAllTextAsync(failing, """{"name": "wrong", "steps": [{"say": "静音"}, {"expect": "Vehicle.Cabin.Infotainment.Media.IsMuted", "equals": false}]}""");

            var (exitCode, output, _) = await CarProcess.RunAsync([], "sim", "run", passing, failing, "--junit", junit);

            Assert.Equal(1, exitCode);
            Assert.Contains("pass  mute", output, StringComparison.Ordinal);
            Assert.Contains("FAIL  wrong", output, StringComparison.Ordinal);
            Assert.Contains("step 2: expect Vehicle.Cabin.Infotainment.Media.IsMuted equals False: Vehicle.Cabin.Infotainment.Media.IsMuted is True", output, StringComparison.OrdinalIgnoreCase);
            var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
            Assert.Equal("2", suite.Attribute("tests")!.Value);
            Assert.Equal("1", suite.Attribute("failures")!.Value);
            Assert.Single(suite.Elements("testcase"), c => c.Element("failure") is not null);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SimRun_NotAScenario_OneLineExit2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-sim-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"steps": [{"say": "静音"}, {"wait": "forever"}]}""");
        try
        {
            var (exitCode, output, errors) = await CarProcess.RunAsync([], "sim", "run", path);

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.Contains($"car: {path}: step 2: \"wait\" is 'forever'", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
