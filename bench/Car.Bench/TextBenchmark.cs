using System.Diagnostics;
using Car.Assistant.Policy;
using Car.Assistant.Policy.Safety;
using Car.Language.Model;
using Car.Language;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Options;

namespace Car.Bench;

/// <summary>Parse (with the default <see cref="RuleParserResources"/>) and policy latency per utterance over the rule corpus, on one core.</summary>
internal static class TextBenchmark
{
    public static async Task RunAsync(int passes)
    {
        var utterances = File.ReadLines(Paths.Corpus).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        var model = NluModel.Load(Paths.NluModels);
        // The parser the product runs: with jieba's words, the car's words and the sound-alike matcher (see LanguageBenchmark for it bare).
        var parser = new RuleParser(model, resources: LanguageBenchmark.LoadResources(model));
        var policy = new AssistantPolicy(PolicyRules.CreateDefault());
        var policyOptions = new PolicyOptions();
        var catalog = SignalCatalogLoader.Load(new SignalCatalogOptions());
        using var car = new VehicleSimulator(catalog, Options.Create(new SimulatorOptions { Scenario = DrivingScenario.City }), TimeProvider.System);
        var snapshot = await car.GetSnapshotAsync();
        var context = new PolicyContext(new VehicleState(snapshot, new SafetyEnvelope(Options.Create(policyOptions))), policyOptions, NeedPersists: false);
        var parsed = utterances
            .Select(u => parser.Parse(u).Intents
                .Where(i => i.Name is not (IntentNames.PoiSearch or IntentNames.TripRecommend or IntentNames.AssistantCancel))
                .ToList())
            .ToList();

        for (var warm = 0; warm < 5; warm++)
        {
            for (var i = 0; i < utterances.Count; i++)
            {
                parser.Parse(utterances[i]);
                policy.Decide(parsed[i], context);
            }
        }

        var parse = new LatencyStats("parse (rules)");
        var decide = new LatencyStats("policy decide");
        var both = new LatencyStats("parse + decide");
        for (var pass = 0; pass < passes; pass++)
        {
            for (var i = 0; i < utterances.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var result = parser.Parse(utterances[i]);
                var parsedAt = Stopwatch.GetTimestamp();
                policy.Decide(parsed[i], context);
                var end = Stopwatch.GetTimestamp();
                parse.Add(parsedAt - start);
                decide.Add(end - parsedAt);
                both.Add(end - start);
                GC.KeepAlive(result);
            }
        }

        Console.WriteLine($"Car text path: {utterances.Count} corpus utterances × {passes} passes, 1 core, {Environment.ProcessorCount} visible, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| stage          |   calls | p50 µs | p99 µs | mean µs | max µs | utterances/s |");
        Console.WriteLine("|----------------|--------:|-------:|-------:|--------:|-------:|-------------:|");
        foreach (var stats in new[] { parse, decide, both })
        {
            Console.WriteLine($"| {stats.Stage,-14} | {stats.Count,7} | {stats.Percentile(50),6:F1} | {stats.Percentile(99),6:F1} | {stats.Mean,7:F1} | {stats.Max,6:F0} | {stats.PerSecond,12:N0} |");
        }
    }
}
