using System.CommandLine;
using Car.Ota;
using Car.Ota.Health;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli.Models;

/// <summary>
/// <c>car models install --from URL|DIR [--store DIR]</c>: verify, install into the inactive slot, switch, health-check
/// (or roll back). Run again after an interruption, it resumes.
/// </summary>
internal static class InstallCommand
{
    public static Command Create(Func<ParseResult, DirectoryInfo?, CancellationToken, Task<IHost>> startHost)
    {
        var store = BundleCommandOptions.Store();
        var from = BundleCommandOptions.From();
        var command = new Command("install", "Install a signed bundle into the inactive slot and activate it (resumes an interrupted install).") { from, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, result.GetValue(store), cancellationToken).ConfigureAwait(false);
            var tools = BundleTools.Create(host, KillSwitchObserver.FromEnvironment());
            using var client = new HttpClient();
            try
            {
                var installed = await tools.Installer.InstallAsync(tools.Source(result.GetValue(from)!, client), cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(installed.AlreadyInstalled
                    ? $"{installed.Active.Name} version {installed.Active.Version} is already active in slot {installed.Active.Slot}."
                    : $"{installed.Active.Name} version {installed.Active.Version} installed in slot {installed.Active.Slot.ToUpperInvariant()}, "
                      + $"verified, activated and healthy (was version {installed.FromVersion}).").ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is BundleRejectedException or BundleInstallException)
            {
                return await BundleCommandOptions.FailAsync(e).ConfigureAwait(false);
            }
        });
        return command;
    }
}
