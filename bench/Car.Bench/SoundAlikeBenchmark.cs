using System.Diagnostics;
using System.Text.Json;
using Car.Language.SoundAlike;

namespace Car.Bench;

/// <summary>Pinyin table load time and memory, and sound-alike Find latency over the corpus, on one core.</summary>
internal static class SoundAlikeBenchmark
{
    public static void Run(int passes)
    {
        var loads = new LatencyStats("table load");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var table = PinyinTable.Load(PinyinTable.DefaultPath);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(PinyinTable.Load(PinyinTable.DefaultPath));
            loads.Add(Stopwatch.GetTimestamp() - start);
        }

        var words = LexiconWords();
        var buildStart = Stopwatch.GetTimestamp();
        var matcher = new SoundAlikeMatcher(table, words);
        var build = new LatencyStats("matcher build");
        build.Add(Stopwatch.GetTimestamp() - buildStart);

        var utterances = File.ReadLines(Paths.Corpus).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        var joined = string.Concat(utterances);
        var twenty = Enumerable.Range(0, utterances.Count).Select(i => joined.Substring(i * 7 % (joined.Length - 20), 20)).ToList();
        foreach (var text in utterances.Concat(twenty))
        {
            matcher.Find(text);
        }

        var corpus = Measure("Find, corpus", utterances, matcher, passes);
        var long20 = Measure("Find, 20 chars", twenty, matcher, passes);

        Console.WriteLine($"Car sound-alike: {new FileInfo(PinyinTable.DefaultPath).Length / 1024} KiB table, {table.WordCount} words, {table.CharacterCount} characters; {matcher.Words.Count} domain words; 1 core, .NET {Environment.Version}");
        Console.WriteLine($"table retained: {retained / 1024.0 / 1024.0:F1} MiB managed heap");
        Console.WriteLine();
        Console.WriteLine("| stage          |   calls | p50 µs | p99 µs | mean µs | max µs |");
        Console.WriteLine("|----------------|--------:|-------:|-------:|--------:|-------:|");
        foreach (var stats in new[] { loads, build, corpus, long20 })
        {
            Console.WriteLine($"| {stats.Stage,-14} | {stats.Count,7} | {stats.Percentile(50),6:F1} | {stats.Percentile(99),6:F1} | {stats.Mean,7:F1} | {stats.Max,6:F0} |");
        }
    }

    private static LatencyStats Measure(string stage, List<string> texts, SoundAlikeMatcher matcher, int passes)
    {
        var stats = new LatencyStats(stage);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                var found = matcher.Find(text);
                stats.Add(Stopwatch.GetTimestamp() - start);
                GC.KeepAlive(found);
            }
        }

        return stats;
    }

    /// <summary>Every word of models/nlu/lexicon.json's concepts and slot word lists.</summary>
    private static List<string> LexiconWords()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.NluModels, "lexicon.json")));
        var root = document.RootElement;
        return root.GetProperty("concepts").EnumerateObject()
            .Concat(root.TryGetProperty("slotWords", out var slotWords) ? slotWords.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            .Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(p => p.Value.EnumerateArray().Where(w => w.ValueKind == JsonValueKind.String).Select(w => w.GetString()!))
            .ToList();
    }
}
