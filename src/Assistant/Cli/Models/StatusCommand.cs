using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Car.Ota.Store;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli.Models;

/// <summary><c>car models status [--json] [--store DIR]</c>: the active slot, its version and files, verified or not.</summary>
internal static class StatusCommand
{
    public static Command Create(Func<ParseResult, DirectoryInfo?, CancellationToken, Task<IHost>> startHost, Option<bool> json)
    {
        var store = BundleCommandOptions.Store();
        var command = new Command("status", "Show the active bundle: slot, version, files, whether it verifies, and the install log.") { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, result.GetValue(store), cancellationToken).ConfigureAwait(false);
            var tools = BundleTools.Create(host);
            var pointer = await tools.Store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
            var active = await tools.Store.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
            var problems = await tools.Audit.VerifyAsync(active, cancellationToken).ConfigureAwait(false);
            var previous = pointer.Previous is { } p ? await tools.Store.ReadSlotAsync(p, cancellationToken).ConfigureAwait(false) : null;
            var records = await tools.Store.ReadRecordsAsync(cancellationToken).ConfigureAwait(false);
            var report = new JsonObject
            {
                ["store"] = tools.Store.Root,
                ["slot"] = active.Slot,
                ["bundle"] = active.Name,
                ["version"] = active.Version,
                ["verified"] = problems.Count == 0,
                ["problems"] = new JsonArray([.. problems.Select(x => JsonValue.Create(x))]),
                ["pending"] = pointer.Pending,
                ["bootAttempts"] = pointer.BootAttempts,
                ["highestVersion"] = pointer.HighestVersion,
                ["previous"] = previous is null ? null : new JsonObject { ["slot"] = previous.Slot, ["version"] = previous.Version },
                ["files"] = new JsonArray([.. (active.Manifest?.Files ?? []).Select(f => new JsonObject
                {
                    ["path"] = f.Path, ["role"] = f.Role, ["size"] = f.Size, ["sha256"] = f.Sha256,
                })]),
                ["lastRecords"] = new JsonArray([.. records.TakeLast(5).Select(r => new JsonObject
                {
                    ["time"] = r.Time.ToString("o", System.Globalization.CultureInfo.InvariantCulture), ["action"] = r.Action,
                    ["from"] = r.FromVersion, ["to"] = r.ToVersion, ["result"] = r.Result, ["message"] = r.Message,
                })]),
            };
            if (result.GetValue(json))
            {
                await Console.Out.WriteLineAsync(report.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    .ConfigureAwait(false);
                return problems.Count == 0 ? 0 : 1;
            }

            var where = active.Slot == Slots.Factory ? "the factory bundle" : $"slot {active.Slot.ToUpperInvariant()}";
            await Console.Out.WriteLineAsync($"active: {where}, {active.Name} version {active.Version}, "
                + (problems.Count == 0 ? "verified" : "NOT verified: " + string.Join("; ", problems))
                + (pointer.Pending ? $" (awaiting its health check, {pointer.BootAttempts} start(s))" : "")).ConfigureAwait(false);
            if (previous is not null)
            {
                await Console.Out.WriteLineAsync($"previous: slot {previous.Slot.ToUpperInvariant()}, version {previous.Version}").ConfigureAwait(false);
            }

            foreach (var file in active.Manifest?.Files ?? [])
            {
                await Console.Out.WriteLineAsync($"  {file.Path}  {file.Role}  {file.Size} bytes").ConfigureAwait(false);
            }

            foreach (var record in records.TakeLast(3))
            {
                await Console.Out.WriteLineAsync($"log: {record.Time:u} {record.Action} {record.FromVersion}→{record.ToVersion} {record.Result}: {record.Message}").ConfigureAwait(false);
            }

            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
