using System.Diagnostics;
using Car.Language;
using Car.Language.Model;
using Car.Language.Segmentation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Car.Bench;

/// <summary>
/// jieba's dictionary and the parser's resources (load time, managed heap they keep), word segmentation per utterance,
/// and rule parsing with and without the resources, and with a media library of <see cref="LibraryNames"/> names
/// (made up here: random characters of real name lengths), over corpus.tsv and holdout.tsv, on one core.
/// </summary>
internal static class LanguageBenchmark
{
    private const int LoadRuns = 5;

    /// <summary>About a car owner's library: NLPCC's published singer and song lists hold 9 746 names together.</summary>
    private const int LibraryNames = 10_000;

    public static void Run(int passes)
    {
        var model = NluModel.Load(Paths.NluModels);
        var dictionaryPath = Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.DictionaryFileName);
        var hmmPath = Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.HmmFileName);

        var (dictionaryFirst, dictionaryLoads, dictionary, dictionaryBytes) = MeasureLoad("jieba load", () => WordDictionary.Load(dictionaryPath, hmmPath));
        var (resourcesFirst, resourcesLoads, resources, resourcesBytes) = MeasureLoad("resources load", () => LoadResources(model));
        var segmenter = resources.Words ?? throw new InvalidOperationException("word segmentation is off: jieba's dictionary was not found beside the benchmark");

        var library = WriteLibrary();
        var (libraryFirst, libraryLoads, libraryResources, libraryBytes) = MeasureLoad("library load", () => LoadResources(model, library));
        File.Delete(library);

        var utterances = Utterances();
        var withLibrary = new RuleParser(model, resources: libraryResources);
        var withResources = new RuleParser(model, resources: resources);
        var withoutResources = new RuleParser(model, resources: RuleParserResources.None);
        // Warm until the JIT has optimised the hot code: tiering waits for 100 ms without new tier-0 compilation before
        // it counts calls, so passes alternate with pauses (without them a run could measure tier-0 code).
        for (var warm = 0; warm < 10; warm++)
        {
            foreach (var text in utterances)
            {
                segmenter.Segment(text);
                withResources.Parse(text);
                withoutResources.Parse(text);
                withLibrary.Parse(text);
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(150));
        }

        var segment = Measure("Segment", utterances, passes, text => segmenter.Segment(text));
        var parseWith = Measure("parse, resources", utterances, passes, text => withResources.Parse(text));
        var parseWithout = Measure("parse, none", utterances, passes, text => withoutResources.Parse(text));
        var parseLibrary = Measure("parse, + library", utterances, passes, text => withLibrary.Parse(text));

        Console.WriteLine($"Car language: jieba {new FileInfo(dictionaryPath).Length / 1024} KiB, {dictionary.Count:N0} words; {utterances.Count} utterances (corpus + holdout) × {passes} passes; 1 core, .NET {Environment.Version}");
        Console.WriteLine("Loads: the first run (cold: JIT, file cache) apart, then the others; retained = managed heap after a full GC, object kept alive.");
        Console.WriteLine();
        Console.WriteLine("| stage                  |  calls |    p50 |    p99 |   mean |    max | unit | retained MiB |");
        Console.WriteLine("|------------------------|-------:|-------:|-------:|-------:|-------:|------|-------------:|");
        Row(dictionaryFirst, 1000, "ms", dictionaryBytes);
        Row(dictionaryLoads, 1000, "ms", null);
        Row(resourcesFirst, 1000, "ms", resourcesBytes);
        Row(resourcesLoads, 1000, "ms", null);
        Row(libraryFirst, 1000, "ms", libraryBytes);
        Row(libraryLoads, 1000, "ms", null);
        Row(segment, 1, "µs", null);
        Row(parseWith, 1, "µs", null);
        Row(parseWithout, 1, "µs", null);
        Row(parseLibrary, 1, "µs", null);
        Console.WriteLine();
        Console.WriteLine($"target: parse p99 < 300 µs per utterance on one core → with resources {Verdict(parseWith)}, without {Verdict(parseWithout)}, with a {LibraryNames:N0}-name library {Verdict(parseLibrary)}");
        GC.KeepAlive(dictionary);
    }

    /// <summary>What the product loads by default: jieba with the car's words added, the sound-alike matcher, no gazetteer.</summary>
    public static RuleParserResources LoadResources(NluModel model) => LoadResources(model, gazetteer: null);

    private static RuleParserResources LoadResources(NluModel model, string? gazetteer)
    {
        var options = new LanguageOptions();
        if (gazetteer is not null)
        {
            options.Gazetteers.Add(gazetteer);
        }

        return new RuleParserResourcesLoader(Options.Create(options), model, NullLogger<RuleParserResourcesLoader>.Instance).Load();
    }

    /// <summary>
    /// A gazetteer file of <see cref="LibraryNames"/> made-up names, 30 % singers of 2–4 characters and 70 % titles of
    /// 2–8, from the common range of CJK characters (a fixed seed: every run loads the same file).
    /// </summary>
    private static string WriteLibrary()
    {
        var random = new Random(20_181);
        var path = Path.Combine(Path.GetTempPath(), $"car-bench-library-{Environment.ProcessId}.tsv");
        using var writer = new StreamWriter(path);
        for (var i = 0; i < LibraryNames; i++)
        {
            var singer = i % 10 < 3;
            var length = singer ? random.Next(2, 5) : random.Next(2, 9);
            var name = new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x9FA6))]);
            writer.WriteLine($"{(singer ? "artist" : "title")}\t{name}");
        }

        return path;
    }

    private static (LatencyStats First, LatencyStats Others, T Kept, long RetainedBytes) MeasureLoad<T>(string stage, Func<T> load)
    {
        var first = new LatencyStats(stage + ", 1st");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var kept = load();
        first.Add(Stopwatch.GetTimestamp() - start);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        var others = new LatencyStats(stage);
        for (var run = 1; run < LoadRuns; run++)
        {
            start = Stopwatch.GetTimestamp();
            GC.KeepAlive(load());
            others.Add(Stopwatch.GetTimestamp() - start);
        }

        GC.Collect();
        return (first, others, kept, retained);
    }

    private static LatencyStats Measure<T>(string stage, List<string> texts, int passes, Func<string, T> call)
    {
        var stats = new LatencyStats(stage);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                var result = call(text);
                stats.Add(Stopwatch.GetTimestamp() - start);
                GC.KeepAlive(result);
            }
        }

        return stats;
    }

    private static List<string> Utterances() =>
        [.. new[] { Paths.Corpus, Paths.Holdout }
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])];

    private static void Row(LatencyStats stats, double divisor, string unit, long? retainedBytes)
    {
        var retained = retainedBytes is { } bytes ? (bytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "";
        Console.WriteLine($"| {stats.Stage,-22} | {stats.Count,6} | {stats.Percentile(50) / divisor,6:F1} | {stats.Percentile(99) / divisor,6:F1} | {stats.Mean / divisor,6:F1} | {stats.Max / divisor,6:F1} | {unit,-4} | {retained,12} |");
    }

    private static string Verdict(LatencyStats stats) => stats.Percentile(99) < 300 ? "met" : "missed";
}
