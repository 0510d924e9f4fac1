using System.Diagnostics;
using System.Text;

namespace Car.Assistant.Tests.Cli;

/// <summary>Runs the real <c>car</c> program (built beside the tests) with bytes on stdin and collects its output.</summary>
internal static class CarProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(byte[] input, params string[] arguments) =>
        RunAsync(input, new Dictionary<string, string>(), arguments);

    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(
        byte[] input, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(input, environment, null, arguments);

    /// <summary>Runs car; a program that keeps running (an always-listening session) is stopped after <paramref name="stopAfter"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        byte[] input, IReadOnlyDictionary<string, string> environment, TimeSpan? stopAfter, params string[] arguments)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("car did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        if (stopAfter is { } running)
        {
            using var stop = new CancellationTokenSource(running);
            try
            {
                await process.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
