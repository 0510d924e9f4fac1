using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Car.Assistant.Hosting;
using Car.Assistant.Policy;
using Car.CloudSync.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary><c>car cloud status</c>: the endpoint, whether it answers, the outbox and the cache.</summary>
public static class CloudCommand
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> startHost, Option<bool> json)
    {
        var cloud = new Command("cloud", "The car's link to the cloud (Cloud:Endpoint, or --cloud URL).");
        var status = new Command(
            "status", "Print the endpoint, whether it answers, the events waiting in the outbox and the age of the cache. Exit 0 when it answers, 1 when not.");
        status.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var report = await host.Services.GetRequiredService<ICloudStatus>().GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var text = result.GetValue(json) ? Json(report) : Text(report, now);
            await Console.Out.WriteLineAsync(text).ConfigureAwait(false);
            return report.Reachable ? 0 : 1;
        });
        cloud.Subcommands.Add(status);
        return cloud;
    }

    private static string Text(CloudStatusReport report, DateTimeOffset now)
    {
        var oldest = report.OldestQueued is { } at
            ? string.Create(CultureInfo.InvariantCulture, $", oldest {at:yyyy-MM-dd HH:mm:ss} ({SpokenMeasures.Age(now - at)})")
            : string.Empty;
        return string.Join(
            Environment.NewLine,
            $"endpoint:  {report.Endpoint?.ToString() ?? "none (offline)"}",
            $"reachable: {(report.Reachable ? "yes" : "no")}{(report.Problem is { } problem ? $" ({problem})" : string.Empty)}",
            $"outbox:    {report.OutboxSize} event(s) queued{oldest}",
            $"cache:     {(report.CacheAge is { } age ? $"newest answer {SpokenMeasures.Age(age)}" : "empty")}");
    }

    private static string Json(CloudStatusReport report) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["endpoint"] = report.Endpoint?.ToString(),
        ["reachable"] = report.Reachable,
        ["problem"] = report.Problem,
        ["outbox"] = report.OutboxSize,
        ["oldestQueued"] = report.OldestQueued?.ToString("O", CultureInfo.InvariantCulture),
        ["cacheAgeSeconds"] = report.CacheAge is { } age ? Math.Round(age.TotalSeconds) : null,
    }, CarJsonContext.Default.DictionaryStringObject);
}
