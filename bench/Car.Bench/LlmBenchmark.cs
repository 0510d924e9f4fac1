using System.Diagnostics;
using System.Text.Json;
using Car.Language.Llm;
using Car.Language.Model;
using Car.Language;
using Car.Llama;

namespace Car.Bench;

/// <summary>
/// The LLM fallback on real-shaped models: load, RSS, prompt and generation speed, first-token and full latency
/// for a 10-character utterance with and without the reused prefix, and the same work through node-llama-cpp
/// (interleaved with ours, medians compared).
/// Random weights never stop by themselves, so answers are capped at <c>tokens</c> (a real answer is ~15–25).
/// </summary>
internal static class LlmBenchmark
{
    private const string Utterance = "车里味道有点大怎么办";

    public static async Task RunAsync(IReadOnlyList<string> models, int tokens, int runs, int threads)
    {
        var nlu = NluModel.Load(Paths.NluModels);
        var rules = new RuleParser(nlu);
        var rows = new List<string>();
        var warmUps = new List<string>();
        Console.WriteLine($"Car LLM fallback: utterance '{Utterance}' ({Utterance.Length} characters), answers capped at {tokens} tokens, {runs} runs, {threads} threads, CPU");
        foreach (var path in models)
        {
            var loadClock = Stopwatch.StartNew();
            var reuse = new LlmIntentParser(LlamaWeights.LoadFromFile(path), nlu, rules, Options(path, threads, reusePrefix: true));
            var load = loadClock.Elapsed;
            var prefixClock = Stopwatch.StartNew();
            await reuse.PrepareAsync();
            var prefixTime = prefixClock.Elapsed;
            var rss = Environment.WorkingSet;
            var warm = await reuse.CompleteAsync(Utterance, tokens);
            var reused = new List<Completion>();
            for (var i = 0; i < runs; i++)
            {
                reused.Add(await reuse.CompleteAsync(Utterance, tokens));
            }

            reuse.Dispose();

            // Ours and node-llama-cpp take turns, one run each, so that drift on a shared machine hits both alike.
            using var fresh = new LlmIntentParser(LlamaWeights.LoadFromFile(path), nlu, rules, Options(path, threads, reusePrefix: false));
            var full = new List<Completion>();
            var nodeTotals = new List<double>();
            var nodeFirsts = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                full.Add(await fresh.CompleteAsync(Utterance, tokens));
                if (await NodeReferenceAsync(path, fresh, tokens, threads) is { } nodeRun)
                {
                    nodeTotals.Add(nodeRun.TotalMs);
                    nodeFirsts.Add(nodeRun.FirstMs);
                }
            }

            var promptRate = reuse.PrefixTokens / prefixTime.TotalSeconds;
            var generation = reused.Average(c => (c.GeneratedTokens - 1) / (c.Total - c.FirstToken).TotalSeconds);
            double? node = nodeTotals.Count == runs ? nodeTotals.Order().ElementAt(runs / 2) : null;
            double? nodeFirst = nodeFirsts.Count == runs ? nodeFirsts.Order().ElementAt(runs / 2) : null;
            var ours = Median(full, c => c.Total.TotalMilliseconds);
            rows.Add($"| {Path.GetFileName(path),-24} | {new FileInfo(path).Length / 1_000_000,5} | {load.TotalMilliseconds,6:F0} | {rss / 1_000_000,5} | {reuse.PrefixTokens,6} | {promptRate,8:F0} | {generation,7:F1} " +
                $"| {Median(reused, c => c.FirstToken.TotalMilliseconds),7:F0} | {Median(reused, c => c.Total.TotalMilliseconds),8:F0} | {Median(full, c => c.FirstToken.TotalMilliseconds),7:F0} | {Median(full, c => c.Total.TotalMilliseconds),8:F0} " +
                $"| {reused[0].GeneratedTokens,3} | {nodeFirst ?? double.NaN,7:F0} | {node ?? double.NaN,8:F0} | {(node is null ? "n/a" : $"{ours / node.Value:F3}"),6} |");
            GC.KeepAlive(warm);
            warmUps.Add(await WarmUpRowAsync(path, nlu, rules, threads));
        }

        Console.WriteLine();
        Console.WriteLine("| model                    |    MB | load ms | RSS MB | prefix | prompt t/s | gen t/s | 1st ms reuse | total ms reuse | 1st ms full | total ms full | tok | node 1st ms | node full ms | ours/node |");
        Console.WriteLine("|--------------------------|------:|--------:|-------:|-------:|-----------:|--------:|-------------:|---------------:|------------:|--------------:|----:|------------:|-------------:|----------:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Start-up: the system prompt evaluated (and saved), then restored from the saved file by a second parser (a restart).");
        Console.WriteLine("| model                    | prefix tokens | evaluate + save ms | restore ms | state file MB | restored |");
        Console.WriteLine("|--------------------------|--------------:|-------------------:|-----------:|--------------:|----------|");
        warmUps.ForEach(Console.WriteLine);
    }

    private static async Task<string> WarmUpRowAsync(string path, NluModel nlu, RuleParser rules, int threads)
    {
        var directory = Directory.CreateTempSubdirectory("car-bench-llm-state-").FullName;
        try
        {
            var options = Options(path, threads, reusePrefix: true);
            options.PrefixStateDirectory = directory;
            TimeSpan evaluated;
            int prefixTokens;
            using (var first = new LlmIntentParser(LlamaWeights.LoadFromFile(path), nlu, rules, options))
            {
                var clock = Stopwatch.StartNew();
                await first.PrepareAsync();
                evaluated = clock.Elapsed;
                prefixTokens = first.PrefixTokens;
            }

            using var restarted = new LlmIntentParser(LlamaWeights.LoadFromFile(path), nlu, rules, options);
            var restoreClock = Stopwatch.StartNew();
            await restarted.PrepareAsync();
            var restored = restoreClock.Elapsed;
            var size = Directory.GetFiles(directory, "*.kv").Sum(f => new FileInfo(f).Length);
            return $"| {Path.GetFileName(path),-24} | {prefixTokens,13} | {evaluated.TotalMilliseconds,18:F0} | {restored.TotalMilliseconds,10:F0} | {size / 1e6,13:F1} | {restarted.PrefixRestored,-8} |";
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static LlmOptions Options(string path, int threads, bool reusePrefix) => new()
    {
        ModelPath = path,
        Threads = threads,
        ReusePrefix = reusePrefix,
        Deadline = TimeSpan.FromMinutes(5),
        MaxTokens = 4096,
    };

    private static double Median(List<Completion> runs, Func<Completion, double> value)
    {
        var sorted = runs.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>One run of the same prompt token ids and grammar through node-llama-cpp, timed the same way (no prefix reuse; its load is not timed).</summary>
    private static async Task<NodeRun?> NodeReferenceAsync(string model, LlmIntentParser parser, int tokens, int threads)
    {
        var promptFile = Path.GetTempFileName();
        var grammarFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(promptFile, JsonSerializer.Serialize(parser.FullPromptTokens(Utterance)));
        await File.WriteAllTextAsync(grammarFile, parser.Grammar.Text);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!await EnsureNodeReferenceAsync())
        {
            return null;
        }

        foreach (var argument in new[] { Paths.NodeReference, model, promptFile, grammarFile, tokens.ToString(), "1", threads.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"node-llama-cpp reference failed: {errors.Trim()}");
                return null;
            }

            using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var run = json.RootElement.GetProperty("results")[0];
            return new NodeRun(run.GetProperty("totalMs").GetDouble(), run.GetProperty("firstMs").GetDouble());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("node is not installed: no node-llama-cpp reference.");
            return null;
        }
        finally
        {
            File.Delete(promptFile);
            File.Delete(grammarFile);
        }
    }

    /// <summary>Installs bench/node's pinned node-llama-cpp when it is not there yet.</summary>
    private static async Task<bool> EnsureNodeReferenceAsync()
    {
        var directory = Path.GetDirectoryName(Paths.NodeReference)!;
        if (Directory.Exists(Path.Combine(directory, "node_modules", "node-llama-cpp")))
        {
            return true;
        }

        var start = new ProcessStartInfo("npm", "install --ignore-scripts --omit=optional --no-audit --no-fund")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("npm is not installed: no node-llama-cpp reference.");
            return false;
        }
    }

    private sealed record NodeRun(double TotalMs, double FirstMs);
}
