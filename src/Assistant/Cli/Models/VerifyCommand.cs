using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli.Models;

/// <summary><c>car models verify [--store DIR]</c>: re-hashes the active bundle and checks its signatures; exit 1 when anything is wrong.</summary>
internal static class VerifyCommand
{
    public static Command Create(Func<ParseResult, DirectoryInfo?, CancellationToken, Task<IHost>> startHost)
    {
        var store = BundleCommandOptions.Store();
        var command = new Command("verify", "Check the active bundle's signatures and every file's SHA-256.") { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, result.GetValue(store), cancellationToken).ConfigureAwait(false);
            var tools = BundleTools.Create(host);
            var active = await tools.Store.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
            var problems = await tools.Audit.VerifyAsync(active, cancellationToken).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"car: {problem}").ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync(problems.Count == 0
                ? $"{active.Name} version {active.Version} in slot {active.Slot}: verified"
                : $"{active.Name} version {active.Version} in slot {active.Slot}: NOT verified").ConfigureAwait(false);
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
