using System.Diagnostics;
using System.Text;

namespace Car.Assistant.Tests.Cli;

/// <summary>A real <c>car serve</c> in a child process, returned once it says it is listening (its "car serve:" line).</summary>
internal static class CarServeProcess
{
    /// <summary>
    /// Starts <c>car</c> with <paramref name="arguments"/> (beginning with <c>serve</c>), gathering its stderr into
    /// <paramref name="errors"/>; <paramref name="home"/> replaces HOME when given. Throws with what it wrote when it
    /// does not get ready within 90 s.
    /// </summary>
    public static async Task<Process> StartAsync(IEnumerable<string> arguments, StringBuilder errors, string? home = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (home is not null)
        {
            start.Environment["HOME"] = home;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "car.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("car serve did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("car serve:", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (!ready.Task.IsCompleted)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            lock (errors)
            {
                throw new InvalidOperationException($"car {string.Join(' ', start.ArgumentList.Skip(1))} did not say it was listening: {errors}");
            }
        }

        return process;
    }
}
