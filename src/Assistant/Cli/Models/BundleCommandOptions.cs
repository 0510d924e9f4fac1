using System.CommandLine;

namespace Car.Assistant.Cli.Models;

/// <summary>Options and answers the bundle commands share.</summary>
internal static class BundleCommandOptions
{
    public static Option<DirectoryInfo> Store() => new("--store")
    {
        Description = "The bundle store (slots, active pointer, install log); default: bundles in the car's data directory (Ota:StoreDirectory).",
    };

    public static Option<string> From(bool required = true) => new("--from")
    {
        Description = "Where the bundle is: a folder written by `car models pack`, or the http:// address the cloud server serves it at.",
        Required = required,
    };

    /// <summary>A refused or failed operation: one line on stderr, exit code 1.</summary>
    public static async Task<int> FailAsync(Exception e)
    {
        await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
        return 1;
    }
}
