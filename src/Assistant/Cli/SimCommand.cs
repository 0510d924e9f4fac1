using System.CommandLine;
using System.Text;
using System.Xml;
using Car.Assistant.Scenarios;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car sim run FILE… [--junit OUT.xml]</c>: scenario scripts on fresh simulated cars. Prints a line per scenario and
/// each failed step; exit 0 when all pass, 1 when one fails, 2 when a file is not a scenario.
/// </summary>
public static class SimCommand
{
    public static Command Create(Func<ParseResult, IReadOnlyDictionary<string, string?>, CancellationToken, Task<IHost>> startCar)
    {
        var files = new Argument<FileInfo[]>("file")
        {
            Description = "Scenario files (JSON: name, scenario, settings, steps), e.g. scenarios/*.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var junit = new Option<FileInfo>("--junit") { Description = "Also write the results as JUnit XML to this file." };
        var run = new Command("run", "Run scenario scripts against fresh simulated cars; exit 0 when every expectation holds.") { files, junit };
        run.SetAction(async (result, cancellationToken) =>
        {
            var scripts = new List<ScenarioScript>();
            foreach (var file in result.GetValue(files) ?? [])
            {
                scripts.Add(await ScenarioLoader.LoadAsync(file.FullName, cancellationToken).ConfigureAwait(false));
            }

            var runner = new ScenarioRunner((settings, ct) => startCar(result, settings, ct), TimeProvider.System);
            var results = new List<ScenarioResult>();
            foreach (var script in scripts)
            {
                var outcome = await runner.RunAsync(script, cancellationToken).ConfigureAwait(false);
                results.Add(outcome);
                await Console.Out.WriteLineAsync(
                    $"{(outcome.Passed ? "pass" : "FAIL")}  {script.Name}  ({Path.GetFileName(script.File)}, {outcome.Duration.TotalSeconds:0.0} s)")
                    .ConfigureAwait(false);
                foreach (var failure in outcome.Failures)
                {
                    await Console.Out.WriteLineAsync($"      {failure}").ConfigureAwait(false);
                }
            }

            if (result.GetValue(junit) is { } report)
            {
                await using var writer = XmlWriter.Create(
                    report.FullName, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
                await JUnitReport.Create(results).SaveAsync(writer, cancellationToken).ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"{results.Count(r => r.Passed)} of {results.Count} scenarios passed").ConfigureAwait(false);
            return results.All(r => r.Passed) ? 0 : 1;
        });
        return new Command("sim", "The developer simulator: scenario scripts for regression tests.") { run };
    }
}
