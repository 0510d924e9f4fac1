using System.CommandLine;
using System.Text.Json;
using Car.Assistant.Hosting;
using Car.VehicleBus.Broker;
using Car.VehicleBus.Client;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car bus metadata|get|actuate|publish|subscribe</c>: a kuksa.val.v2 client like kuksa-client, against our
/// broker (<c>car serve</c>) or Eclipse KUKSA databroker, at <c>--broker URL</c> (default http://127.0.0.1:55555)
/// with <c>--token FILE</c>. Answers go to stdout, one line each (JSON lines with <c>--json</c>); a broker error is
/// one line on stderr and exit 1.
/// </summary>
public static class BusCommand
{
    private static readonly Uri DefaultBroker = new("http://127.0.0.1:55555");

    public static Command Create(Option<Uri> broker, Option<FileInfo> token, Option<bool> json)
    {
        var bus = new Command("bus", "Talk to a kuksa.val.v2 vehicle broker (car serve, or Eclipse KUKSA databroker) at --broker URL.");

        var pattern = new Argument<string>("pattern") { Description = "A branch, signal or wildcard pattern (Vehicle.Cabin, Vehicle.*.Speed, Vehicle.**); all when left out.", Arity = ArgumentArity.ZeroOrOne };
        var metadata = new Command("metadata", "List the broker's signals: id, datatype, entry type, unit and range.") { pattern };
        metadata.SetAction((result, ct) => RunAsync(result, broker, token, async (connection, token) =>
        {
            var response = await connection.Client.ListMetadataAsync(new ListMetadataRequest { Root = result.GetValue(pattern) ?? string.Empty }, connection.Options(token, TimeSpan.FromSeconds(10)));
            foreach (var m in response.Metadata)
            {
                await Console.Out.WriteLineAsync(result.GetValue(json)
                    ? JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["path"] = m.Path, ["id"] = m.Id, ["datatype"] = KuksaValues.Name(m.DataType), ["entryType"] = m.EntryType.ToString().ToLowerInvariant(),
                        ["unit"] = m.Unit.Length > 0 ? m.Unit : null, ["min"] = m.Min is null ? null : KuksaValues.Format(m.Min), ["max"] = m.Max is null ? null : KuksaValues.Format(m.Max),
                        ["allowed"] = m.AllowedValues is null ? null : KuksaValues.Format(m.AllowedValues),
                    }, CarJsonContext.Default.DictionaryStringObject)
                    : $"{m.Path}  #{m.Id}  {m.EntryType.ToString().ToLowerInvariant()} {KuksaValues.Name(m.DataType)}{(m.Unit.Length > 0 ? " " + m.Unit : string.Empty)}{Range(m)}").ConfigureAwait(false);
            }

            return 0;
        }, ct));

        var paths = new Argument<string[]>("path") { Description = "Full VSS paths, e.g. Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", Arity = ArgumentArity.OneOrMore };
        var get = new Command("get", "Print the current value of each signal.") { paths };
        get.SetAction((result, ct) => RunAsync(result, broker, token, async (connection, token) =>
        {
            var request = new GetValuesRequest();
            request.SignalIds.AddRange((result.GetValue(paths) ?? []).Select(p => new SignalID { Path = p }));
            var response = await connection.Client.GetValuesAsync(request, connection.Options(token, TimeSpan.FromSeconds(10)));
            for (var i = 0; i < response.DataPoints.Count; i++)
            {
                await Console.Out.WriteLineAsync(Line(request.SignalIds[i].Path, response.DataPoints[i], result.GetValue(json))).ConfigureAwait(false);
            }

            return 0;
        }, ct));

        var path = new Argument<string>("path") { Description = "The full VSS path of the signal." };
        var value = new Argument<string>("value") { Description = "The value as the signal's datatype writes it: 50, true, STOP, [1,2,3]." };
        var wait = new Option<TimeSpan?>("--wait")
        {
            Description = "After the broker takes it, watch the current value until it reaches the target or this long passes (e.g. 00:00:10); exit 3 when it does not.",
        };
        var actuate = new Command("actuate", "Ask the actuator's provider for a target value (Actuate: OK means queued, not done; --wait watches it arrive).") { path, value, wait };
        actuate.SetAction((result, ct) => RunAsync(result, broker, token, async (connection, token) =>
        {
            var signal = result.GetValue(path)!;
            var target = await ParseAsync(connection, signal, result.GetValue(value)!, token).ConfigureAwait(false);
            if (target is null)
            {
                return 2;
            }

            using var watch = result.GetValue(wait) is { } limit ? CancellationTokenSource.CreateLinkedTokenSource(token) : null;
            using var subscription = watch is null ? null : connection.Client.Subscribe(new SubscribeRequest { SignalPaths = { signal } }, connection.Options(watch.Token));
            if (subscription is not null)
            {
                // The first message holds the value before the actuation; from then on every change is seen.
                await subscription.ResponseStream.MoveNext(token).ConfigureAwait(false);
            }

            await connection.Client.ActuateAsync(new ActuateRequest { SignalId = new SignalID { Path = signal }, Value = target }, connection.Options(token, TimeSpan.FromSeconds(10)));
            if (subscription is null || watch is null)
            {
                await Console.Out.WriteLineAsync($"[actuate] OK: {signal} → {KuksaValues.Format(target)} (queued to the provider)").ConfigureAwait(false);
                return 0;
            }

            watch.CancelAfter(result.GetValue(wait)!.Value);
            Datapoint? last = null;
            try
            {
                while (await subscription.ResponseStream.MoveNext(watch.Token).ConfigureAwait(false))
                {
                    last = subscription.ResponseStream.Current.Entries[signal];
                    if (Equals(last.Value, target))
                    {
                        await Console.Out.WriteLineAsync($"[actuate] done: {signal} reached {KuksaValues.Format(target)}").ConfigureAwait(false);
                        return 0;
                    }

                    if (!KuksaValues.HasValue(last.Value))
                    {
                        await Console.Out.WriteLineAsync($"[actuate] failed: the provider of {signal} went away").ConfigureAwait(false);
                        return 3;
                    }
                }
            }
            catch (Exception e) when ((e is OperationCanceledException || e is RpcException { StatusCode: StatusCode.Cancelled }) && !token.IsCancellationRequested)
            {
                // The wait is over.
            }

            await Console.Out.WriteLineAsync($"[actuate] not reached: {signal} is at {KuksaValues.Format(last?.Value)}, not {KuksaValues.Format(target)}").ConfigureAwait(false);
            return 3;
        }, ct));

        var publishPath = new Argument<string>("path") { Description = "The full VSS path of the signal." };
        var publishValue = new Argument<string>("value") { Description = "The current value to set: 50, true, STOP, [1,2,3]." };
        var publish = new Command("publish", "Set a signal's current value (PublishValue, as a provider does; needs the provide scope).") { publishPath, publishValue };
        publish.SetAction((result, ct) => RunAsync(result, broker, token, async (connection, token) =>
        {
            var signal = result.GetValue(publishPath)!;
            var current = await ParseAsync(connection, signal, result.GetValue(publishValue)!, token).ConfigureAwait(false);
            if (current is null)
            {
                return 2;
            }

            await connection.Client.PublishValueAsync(
                new PublishValueRequest { SignalId = new SignalID { Path = signal }, DataPoint = new Datapoint { Value = current } },
                connection.Options(token, TimeSpan.FromSeconds(10)));
            await Console.Out.WriteLineAsync($"[publish] OK: {signal} = {KuksaValues.Format(current)}").ConfigureAwait(false);
            return 0;
        }, ct));

        var subscribePaths = new Argument<string[]>("path") { Description = "Full VSS paths to watch.", Arity = ArgumentArity.OneOrMore };
        var subscribe = new Command("subscribe", "Print every change of the signals' current values until Ctrl+C (the first lines are the values now).") { subscribePaths };
        subscribe.SetAction((result, ct) => RunAsync(result, broker, token, async (connection, token) =>
        {
            var request = new SubscribeRequest();
            request.SignalPaths.AddRange(result.GetValue(subscribePaths) ?? []);
            using var call = connection.Client.Subscribe(request, connection.Options(token));
            try
            {
                while (await call.ResponseStream.MoveNext(token).ConfigureAwait(false))
                {
                    foreach (var (signal, datapoint) in call.ResponseStream.Current.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                    {
                        await Console.Out.WriteLineAsync(Line(signal, datapoint, result.GetValue(json))).ConfigureAwait(false);
                    }

                    await Console.Out.FlushAsync(token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when ((e is OperationCanceledException || e is RpcException { StatusCode: StatusCode.Cancelled }) && token.IsCancellationRequested)
            {
                return 0;
            }

            await Console.Error.WriteLineAsync("car: bus: the broker ended the subscription").ConfigureAwait(false);
            return 1;
        }, ct));

        bus.Subcommands.Add(metadata);
        bus.Subcommands.Add(get);
        bus.Subcommands.Add(actuate);
        bus.Subcommands.Add(publish);
        bus.Subcommands.Add(subscribe);
        bus.Subcommands.Add(BusReplayCommand.Create());
        return bus;
    }

    private static async Task<int> RunAsync(
        ParseResult result, Option<Uri> broker, Option<FileInfo> token, Func<KuksaConnection, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var url = result.GetValue(broker) ?? DefaultBroker;
        var tokenFile = result.GetValue(token);
        if (tokenFile is { Exists: false })
        {
            await Console.Error.WriteLineAsync($"car: --token: the file '{tokenFile.FullName}' does not exist").ConfigureAwait(false);
            return 2;
        }

        using var connection = KuksaConnection.Open(url, tokenFile?.FullName);
        try
        {
            return await action(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            var detail = e.StatusCode == StatusCode.Unavailable && e.Status.DebugException is { } cause
                ? $"the broker at {url} cannot be reached ({cause.Message})"
                : e.Status.Detail;
            await Console.Error.WriteLineAsync($"car: bus: {e.StatusCode}: {detail}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>The value typed on the command line in the signal's datatype (from the broker's metadata), or null after saying why not.</summary>
    private static async Task<Value?> ParseAsync(KuksaConnection connection, string path, string text, CancellationToken cancellationToken)
    {
        var metadata = await connection.Client.ListMetadataAsync(new ListMetadataRequest { Root = path }, connection.Options(cancellationToken, TimeSpan.FromSeconds(10)));
        var signal = metadata.Metadata.FirstOrDefault(m => m.Path == path);
        if (signal is null)
        {
            await Console.Error.WriteLineAsync($"car: bus: {path} is a branch, not a signal").ConfigureAwait(false);
            return null;
        }

        var value = KuksaValues.Parse(signal.DataType, text, out var problem);
        if (value is null)
        {
            await Console.Error.WriteLineAsync($"car: bus: {path}: {problem}").ConfigureAwait(false);
        }

        return value;
    }

    private static string Line(string path, Datapoint datapoint, bool json) => json
        ? JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["path"] = path,
            ["value"] = KuksaValues.HasValue(datapoint.Value) ? KuksaValues.Format(datapoint.Value) : null,
            ["timestamp"] = datapoint.Timestamp?.ToDateTimeOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, CarJsonContext.Default.DictionaryStringObject)
        : $"{path}: {KuksaValues.Format(datapoint.Value)}";

    private static string Range(Kuksa.Val.V2.Metadata m) =>
        (m.Min, m.Max, m.AllowedValues) switch
        {
            (_, _, { } allowed) => $"  {KuksaValues.Format(allowed)}",
            ({ } min, { } max, _) => $"  [{KuksaValues.Format(min)} … {KuksaValues.Format(max)}]",
            _ => string.Empty,
        };
}
