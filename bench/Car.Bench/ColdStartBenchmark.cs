using System.Diagnostics;
using System.Globalization;

namespace Car.Bench;

/// <summary>
/// Cold start of a built or published <c>car</c>: a new process for every run of <c>car parse</c> with one line on
/// stdin and of <c>car say 有点闷</c> (with the simulated window moving instantly, and as it is); wall time from start
/// to exit, p50/p95/min. One unmeasured run of each
/// first, so that the files are in the page cache: "cold" is a new process, not a cold disk. The load average is
/// printed before and after, since other work on the machine shows in these numbers.
/// </summary>
internal static class ColdStartBenchmark
{
    private static readonly (string Name, string[] Arguments, string? Input)[] Commands =
    [
        ("parse (1 line)", ["parse"], "打开车窗\n"),
        // The simulated window takes 0.8 s to open 20 % and say waits for it; instant travel leaves the program's own time.
        ("say 有点闷, instant window", ["say", "--set", "Simulator:WindowTravelTime=00:00:00.001", "--set", "Simulator:TickInterval=00:00:00.001", "有点闷"], null),
        ("say 有点闷", ["say", "有点闷"], null),
    ];

    public static async Task<int> RunAsync(string car, int runs)
    {
        var path = Path.GetFullPath(car);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"coldstart: no program at {path} (--car PATH: bin/Release/net10.0/car, or a published one)");
            return 2;
        }

        Console.WriteLine($"Car cold start: {path}, {runs} runs per command; load average {LoadAverage()}");
        Console.WriteLine($"{"command",-28} {"p50 ms",8} {"p95 ms",8} {"min ms",8}");
        foreach (var (name, arguments, input) in Commands)
        {
            await RunOnceAsync(path, arguments, input);
            var stats = new LatencyStats(name);
            for (var i = 0; i < runs; i++)
            {
                stats.Add(await RunOnceAsync(path, arguments, input));
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-28} {stats.Percentile(50) / 1000,8:F0} {stats.Percentile(95) / 1000,8:F0} {stats.Min / 1000,8:F0}"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>Stopwatch ticks from starting the program to its exit; a failing run ends the benchmark.</summary>
    private static async Task<long> RunOnceAsync(string path, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        clock.Stop();
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{path} {string.Join(' ', arguments)} exited {process.ExitCode}: {await errors}");
        }

        return clock.ElapsedTicks;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
