using Car.Assistant.Scenarios;
using Car.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Tests.Scenarios;

/// <summary>The scenarios/ folder an integrator copies from: every example passes on the assistant as built.</summary>
public class ScenarioFilesTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot(), "scenarios"), "*.json").Order().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Scenario_AsShipped_EveryExpectationHolds(string file)
    {
        var script = await ScenarioLoader.LoadAsync(Path.Combine(RepositoryRoot(), "scenarios", file), default);

        var result = await new ScenarioRunner(StartCarAsync, TimeProvider.System).RunAsync(script, default);

        Assert.True(result.Passed, string.Join('\n', result.Failures));
    }

    [Fact]
    public async Task Scenario_ExpectationThatDoesNotHold_FailsNamingTheStepAndWhatWasSeen()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {"name": "wrong on purpose", "scenario": "parked", "steps": [
              {"say": "音量调到二十"},
              {"expect": "Vehicle.Cabin.Infotainment.Media.Volume", "equals": 40},
              {"expect": "Vehicle.No.Such.Signal", "equals": 1}
            ]}
            """);
        try
        {
            var result = await new ScenarioRunner(StartCarAsync, TimeProvider.System).RunAsync(await ScenarioLoader.LoadAsync(path, default), default);

            Assert.False(result.Passed);
            Assert.Equal("step 2: expect Vehicle.Cabin.Infotainment.Media.Volume equals 40: Vehicle.Cabin.Infotainment.Media.Volume is 20", result.Failures[0]);
            Assert.StartsWith("step 3: expect Vehicle.No.Such.Signal equals 1: ", result.Failures[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"steps": []}""", "\"steps\" is empty")]
    [InlineData("""{"steps": [{"sing": "x"}]}""", "step 1: expected an object with one of say, set, wait")]
    [InlineData("""{"steps": [{"wait": "forever"}]}""", "step 1: \"wait\" is 'forever'")]
    [InlineData("""{"scenario": "moon", "steps": [{"say": "x"}]}""", "\"scenario\" is 'moon'")]
    [InlineData("""{"steps": [{"expect": "Vehicle.Speed", "below": "fast"}]}""", "step 1: \"below\" takes a number")]
    [InlineData("{", "not JSON")]
    public async Task Load_Malformed_OneMessageNamingTheFileAndStep(string text, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, text);
        try
        {
            var error = await Assert.ThrowsAsync<ScenarioFormatException>(() => ScenarioLoader.LoadAsync(path, default));

            Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<IHost> StartCarAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = Car.Assistant.Hosting.CarHost.CreateBuilder(
            [new("Language:ModelDirectory", TestModel.Directory), .. settings]);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Car.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Car.sln not found above the tests.");
    }
}
