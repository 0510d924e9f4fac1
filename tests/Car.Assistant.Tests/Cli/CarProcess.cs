using System.Diagnostics;
using System.Text;

namespace Car.Assistant.Tests.Cli;

/// <summary>Runs the real <c>car</c> program (built beside the tests) with bytes on stdin and collects its output.</summary>
internal static class CarProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(byte[] input, params string[] arguments) =>
        RunAsync(input, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Runs a car that keeps running (an always-listening session) until its output shows <paramref name="awaited"/>
    /// or <paramref name="limit"/> passes, then stops it; returns what it printed.
    /// </summary>
    public static async Task<(string Output, string Errors)> RunUntilAsync(
        IReadOnlyDictionary<string, string> environment, string awaited, TimeSpan limit, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments)) ?? throw new InvalidOperationException("car did not start");
        var output = new StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains(awaited, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        var errors = process.StandardError.ReadToEndAsync();
        process.BeginOutputReadLine();
        process.StandardInput.Close();
        await Task.WhenAny(seen.Task, Task.Delay(limit), process.WaitForExitAsync());
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        var printed = await errors;
        lock (output)
        {
            return (output.ToString(), printed);
        }
    }

    /// <summary>
    /// Runs a car whose stdin stays open, writes <paramref name="input"/>, waits until its output shows
    /// <paramref name="awaited"/>, sends <paramref name="signal"/> (INT or TERM) and measures how long it takes to exit.
    /// </summary>
    public static async Task<(int ExitCode, TimeSpan Stopping, string Output, string Errors)> SignalAsync(
        string input, string awaited, string signal, params string[] arguments)
    {
        if (IgnoredHere(signal))
        {
            // A test run started in the background (nohup, a shell's &) ignores SIGINT, and car inherits that as every
            // POSIX program does: it would never see the signal, and the test would wait a minute for nothing.
            throw new InvalidOperationException($"SIG{signal} is ignored by this test process (started in the background?); run the tests in the foreground.");
        }

        using var process = Process.Start(StartInfo(new Dictionary<string, string>(), arguments)) ?? throw new InvalidOperationException("car did not start");
        var output = new StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains(awaited, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        var errors = process.StandardError.ReadToEndAsync();
        process.BeginOutputReadLine();
        await process.StandardInput.WriteAsync(input);
        await process.StandardInput.FlushAsync();
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var stopping = clock.Elapsed;
        var printed = await errors;
        lock (output)
        {
            return (process.ExitCode, stopping, output.ToString(), printed);
        }
    }

    /// <summary>Whether this process ignores the signal (the SigIgn mask of /proc/self/status), so that a child inherits that.</summary>
    private static bool IgnoredHere(string signal)
    {
        var number = signal switch { "INT" => 2, "QUIT" => 3, "TERM" => 15, _ => 0 };
        var mask = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return number > 0 && mask is not null
            && (ulong.Parse(mask["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (number - 1))) != 0;
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        byte[] input, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments)) ?? throw new InvalidOperationException("car did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>A running <c>car</c> whose stdin, stdout and stderr the test drives itself.</summary>
    public static Process Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <inheritdoc cref="Start(string[])"/>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Process.Start(StartInfo(environment, arguments)) ?? throw new InvalidOperationException("car did not start");

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "car.dll"));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
