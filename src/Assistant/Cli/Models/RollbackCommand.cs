using System.CommandLine;
using Car.Ota;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli.Models;

/// <summary><c>car models rollback [--store DIR]</c>: back to the previous bundle (or the factory bundle).</summary>
internal static class RollbackCommand
{
    public static Command Create(Func<ParseResult, DirectoryInfo?, CancellationToken, Task<IHost>> startHost)
    {
        var store = BundleCommandOptions.Store();
        var command = new Command("rollback", "Go back to the previous bundle (the factory bundle when there is none).") { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, result.GetValue(store), cancellationToken).ConfigureAwait(false);
            var tools = BundleTools.Create(host);
            try
            {
                var restored = await tools.Activation.RollBackAsync(cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(restored.Slot == Car.Ota.Store.Slots.Factory
                    ? "Rolled back to the factory bundle."
                    : $"Rolled back to {restored.Name} version {restored.Version} in slot {restored.Slot.ToUpperInvariant()}.").ConfigureAwait(false);
                return 0;
            }
            catch (BundleInstallException e)
            {
                return await BundleCommandOptions.FailAsync(e).ConfigureAwait(false);
            }
        });
        return command;
    }
}
