using System.CommandLine;
using Car.Ota;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli.Models;

/// <summary><c>car models check --from URL [--store DIR]</c>: whether a newer, valid bundle is offered, without installing it.</summary>
internal static class CheckCommand
{
    public static Command Create(Func<ParseResult, DirectoryInfo?, CancellationToken, Task<IHost>> startHost)
    {
        var store = BundleCommandOptions.Store();
        var from = BundleCommandOptions.From();
        var command = new Command("check", "Fetch and verify a bundle's manifest (signatures, version, expiry) without installing it.") { from, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, result.GetValue(store), cancellationToken).ConfigureAwait(false);
            var tools = BundleTools.Create(host);
            using var client = new HttpClient();
            try
            {
                var pointer = await tools.Store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
                var active = await tools.Store.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
                var metadata = await tools.Source(result.GetValue(from)!, client).FetchMetadataAsync(cancellationToken).ConfigureAwait(false);
                var verified = tools.Verifier.Verify(metadata, pointer.Trust, pointer.HighestVersion + 1);
                await Console.Out.WriteLineAsync($"{verified.Manifest.Bundle} version {verified.Manifest.Version} is available "
                    + $"({verified.Manifest.TotalBytes / 1e6:0.0} MB, {verified.Manifest.Files.Count} files; active: version {active.Version}): signatures valid, installable.")
                    .ConfigureAwait(false);
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
