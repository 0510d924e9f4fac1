using System.Diagnostics;
using Car.Assistant.Hosting;
using Car.Assistant.Hosting.Bundles;
using Car.Language;
using Car.Ota.Bundles;
using Car.Ota.Download;
using Car.Ota.Install;
using Car.Ota.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Bench;

/// <summary>
/// OTA: install throughput (MB/s, chunk and file SHA-256 included, fsync included) for a bundle of random files
/// written to /tmp and deleted after; and the assistant's pause while the parser swaps to a new bundle under load.
/// </summary>
internal static class OtaBenchmark
{
    /// <param name="directory">Where the bundle and the store go (/tmp by default; /dev/shm measures without the disk).</param>
    public static async Task RunAsync(int megabytes, string? directory)
    {
        var root = directory is null
            ? Directory.CreateTempSubdirectory("car-ota-bench-").FullName
            : Directory.CreateDirectory(Path.Combine(directory, $"car-ota-bench-{Environment.ProcessId}")).FullName;
        try
        {
            using var key = SigningKey.Generate("bench");
            await InstallThroughputAsync(root, key, megabytes);
            await SwapPauseAsync(root, key);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task InstallThroughputAsync(string root, SigningKey key, int megabytes)
    {
        // A bundle shaped like a real one: the NLU data and VSS catalog, then random data in the sizes of an LLM, a Whisper
        // model and smaller files (role "data": random bytes would fail the health check's model loads).
        var source = Path.Combine(root, "source");
        Directory.CreateDirectory(source);
        long total = (long)megabytes * 1024 * 1024;
        var sizes = new[] { ("data/large-1.bin", total * 6 / 10), ("data/large-2.bin", total * 3 / 10), ("data/medium.bin", total / 20), ("data/extra.bin", total - (total * 6 / 10) - (total * 3 / 10) - (total / 20)) };
        var files = BundlePacker.FilesUnder(Path.GetDirectoryName(Paths.NluModels)!);
        var buffer = new byte[4 * 1024 * 1024];
        foreach (var (name, size) in sizes)
        {
            var path = Path.Combine(source, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = File.Create(path);
            for (long written = 0; written < size; written += buffer.Length)
            {
                Random.Shared.NextBytes(buffer);
                await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)));
            }

            files[name] = path;
        }

        var packed = Stopwatch.StartNew();
        var bundle = Path.Combine(root, "bundle");
        await BundlePacker.PackAsync(new PackRequest("car-models", 2, files, [key], DateTimeOffset.UtcNow.AddDays(1)), bundle, TimeProvider.System, CancellationToken.None);
        packed.Stop();
        Directory.Delete(source, recursive: true);

        using var host = Host(root, key, "throughput-store");
        var installer = host.Services.GetRequiredService<BundleInstaller>();
        var stopwatch = Stopwatch.StartNew();
        await installer.InstallAsync(new DirectoryBundleSource(bundle), CancellationToken.None);
        stopwatch.Stop();
        var mb = total / 1e6;
        Console.WriteLine($"pack {megabytes} MiB:     {packed.Elapsed.TotalSeconds,6:0.00} s  {mb / packed.Elapsed.TotalSeconds,7:0} MB/s");
        Console.WriteLine($"install {megabytes} MiB:  {stopwatch.Elapsed.TotalSeconds,6:0.00} s  {mb / stopwatch.Elapsed.TotalSeconds,7:0} MB/s  "
            + $"(read, SHA-256 of every chunk, write, fsync, seal, switch, health check; in {root})");
        Directory.Delete(Path.Combine(root, "throughput-store"), recursive: true);
        Directory.Delete(bundle, recursive: true);
    }

    private static async Task SwapPauseAsync(string root, SigningKey key)
    {
        var factory = Path.GetDirectoryName(Paths.NluModels)!;
        var bundles = new List<string>();
        for (var version = 2; version <= 6; version++)
        {
            var output = Path.Combine(root, $"swap-{version}");
            await BundlePacker.PackAsync(new PackRequest("car-models", version, BundlePacker.FilesUnder(factory), [key], DateTimeOffset.UtcNow.AddDays(1),
                SelfTests: [new SelfTest("打开车窗", IntentNames.WindowOpen)]), output, TimeProvider.System, CancellationToken.None);
            bundles.Add(output);
        }

        using var host = Host(root, key, "swap-store");
        var parser = host.Services.GetRequiredService<ReloadableIntentParser>();
        var installer = host.Services.GetRequiredService<BundleInstaller>();
        var utterances = File.ReadLines(Paths.Corpus).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).Take(200).ToArray();
        foreach (var text in utterances)
        {
            await parser.ParseAsync(text);
        }

        // One driver keeps talking: each parse's latency is recorded; the models are swapped five times meanwhile.
        var steady = new LatencyStats("parse, no swap");
        var during = new LatencyStats("parse, swap in progress");
        var swapping = 0;
        using var stop = new CancellationTokenSource();
        var talker = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var inSwap = Volatile.Read(ref swapping) == 1;
                var start = Stopwatch.GetTimestamp();
                await parser.ParseAsync(utterances[i % utterances.Length]);
                (inSwap || Volatile.Read(ref swapping) == 1 ? during : steady).Add(Stopwatch.GetTimestamp() - start);
            }
        });
        await Task.Delay(1000);
        var swaps = new LatencyStats("install → new models answering");
        foreach (var bundle in bundles)
        {
            Volatile.Write(ref swapping, 1);
            var start = Stopwatch.GetTimestamp();
            var result = await installer.InstallAsync(new DirectoryBundleSource(bundle), CancellationToken.None);
            if (parser.PendingSwap is { } pending)
            {
                await pending;
            }

            swaps.Add(Stopwatch.GetTimestamp() - start);
            Volatile.Write(ref swapping, 0);
            if (parser.Version != result.Active.Version)
            {
                throw new InvalidOperationException($"the parser answers with version {parser.Version}, not {result.Active.Version}");
            }

            await Task.Delay(300);
        }

        await stop.CancelAsync();
        await talker;
        foreach (var stats in new[] { steady, during, swaps })
        {
            Console.WriteLine($"{stats.Stage,-34} n={stats.Count,6}  p50 {stats.Percentile(50) / 1000,8:0.00} ms  p99 {stats.Percentile(99) / 1000,8:0.00} ms  max {stats.Max / 1000,8:0.00} ms");
        }

        Console.WriteLine($"swap pause (longest parse while models were swapped): {during.Max / 1000:0.0} ms; the driver never waits for the new models to load.");
    }

    private static IHost Host(string root, SigningKey key, string store)
    {
        var builder = CarHost.CreateBuilder([
            new("Ota:StoreDirectory", Path.Combine(root, store)),
            new("Ota:TrustedKeys:0", key.Public.Text),
            new("Llm:Engine", "Rules"),
            new("Logging:LogLevel:Default", "Warning"),
        ]);
        return builder.Build();
    }
}
