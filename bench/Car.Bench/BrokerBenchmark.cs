using System.Diagnostics;
using Car.VehicleBus.Broker;
using Car.VehicleBus.Client;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Car.Bench;

/// <summary>
/// The kuksa.val.v2 broker on loopback, in this process, as clients on the same machine use it:
/// - GetValue and PublishValue calls/s with concurrent callers (target ≥ 10 000/s);
/// - Actuate calls/s with a provider that has claimed the actuator and drains what the broker forwards;
/// - fan-out: one publisher, 50 subscribers; latency from the start of PublishValue to each subscriber's receipt
///   (target p99 &lt; 5 ms).
/// </summary>
internal static class BrokerBenchmark
{
    private const string Window = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";

    public static async Task RunAsync(int seconds, int callers, int subscribers, int messages)
    {
        var catalog = SignalCatalogLoader.Load(new SignalCatalogOptions());
        var broker = new VehicleBroker(catalog, TimeProvider.System);
        await using var server = await BrokerServer.StartAsync(broker, new BrokerOptions { Url = "http://127.0.0.1:0" });
        using var connection = new KuksaConnection(server.Address);
        Console.WriteLine($"broker: kuksa.val.v2 on {server.Address} in-process, {Environment.ProcessorCount} cores, {catalog.Signals.Count} signals, {seconds} s per run, {callers} concurrent callers");
        Console.WriteLine();
        Console.WriteLine("| measure | result |");
        Console.WriteLine("|---|---|");

        var speed = new SignalID { Path = VssPaths.Speed };
        await connection.Client.PublishValueAsync(new PublishValueRequest { SignalId = speed, DataPoint = new Datapoint { Value = new Value { Float = 50 } } });

        // Warm-up: JIT, connections, HTTP/2 streams.
        await CallsPerSecondAsync(1, callers, ct => connection.Client.GetValueAsync(new GetValueRequest { SignalId = speed }, cancellationToken: ct).ResponseAsync);

        var gets = await CallsPerSecondAsync(seconds, callers, ct => connection.Client.GetValueAsync(new GetValueRequest { SignalId = speed }, cancellationToken: ct).ResponseAsync);
        Console.WriteLine($"| GetValue calls/s | {gets:N0} |");

        var value = 0f;
        var publishes = await CallsPerSecondAsync(seconds, callers, ct => connection.Client.PublishValueAsync(
            new PublishValueRequest { SignalId = speed, DataPoint = new Datapoint { Value = new Value { Float = value++ % 200 } } }, cancellationToken: ct).ResponseAsync);
        Console.WriteLine($"| PublishValue calls/s | {publishes:N0} |");

        var actuations = await ActuationsPerSecondAsync(connection, seconds, callers);
        Console.WriteLine($"| Actuate calls/s (forwarded to a provider) | {actuations:N0} |");

        var fanOut = await FanOutAsync(connection, subscribers, messages);
        Console.WriteLine($"| fan-out to {subscribers} subscribers, p50 | {fanOut.Percentile(50) / 1000:0.00} ms |");
        Console.WriteLine($"| fan-out to {subscribers} subscribers, p99 | {fanOut.Percentile(99) / 1000:0.00} ms |");
        Console.WriteLine($"| fan-out deliveries | {fanOut.Count:N0} ({messages} publishes × {subscribers}) |");
    }

    /// <summary>Calls completed per second by <paramref name="callers"/> loops calling as fast as answers come.</summary>
    private static async Task<double> CallsPerSecondAsync(int seconds, int callers, Func<CancellationToken, Task> call)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var counts = new long[callers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await call(CancellationToken.None);
                    counts[i]++;
                }
                catch (RpcException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> ActuationsPerSecondAsync(KuksaConnection connection, int seconds, int callers)
    {
        using var provider = connection.Client.OpenProviderStream();
        await provider.RequestStream.WriteAsync(new OpenProviderStreamRequest
        {
            ProvideActuationRequest = new ProvideActuationRequest { ActuatorIdentifiers = { new SignalID { Path = Window } } },
        });
        await provider.ResponseStream.MoveNext(CancellationToken.None);
        var forwarded = 0L;
        using var stop = new CancellationTokenSource();
        var drain = Task.Run(async () =>
        {
            try
            {
                while (await provider.ResponseStream.MoveNext(stop.Token))
                {
                    forwarded += provider.ResponseStream.Current.BatchActuateStreamRequest?.ActuateRequests.Count ?? 0;
                }
            }
            catch (RpcException)
            {
                // Stopped.
            }
        });

        var window = new SignalID { Path = Window };
        var position = 0u;
        var rate = await CallsPerSecondAsync(seconds, callers, ct => connection.Client.ActuateAsync(
            new ActuateRequest { SignalId = window, Value = new Value { Uint32 = position++ % 100 } }, cancellationToken: ct).ResponseAsync);
        await stop.CancelAsync();
        await drain;
        Console.WriteLine($"| actuations the provider received | {forwarded:N0} |");
        return rate;
    }

    /// <summary>One publisher, many subscribers to the same signal; latency from publishing to each receipt.</summary>
    private static async Task<LatencyStats> FanOutAsync(KuksaConnection connection, int subscribers, int messages)
    {
        var stats = new LatencyStats("fan-out");
        var sentAt = new long[messages + 1];
        using var stop = new CancellationTokenSource();
        var signal = VssPaths.Speed;
        var calls = Enumerable.Range(0, subscribers)
            .Select(_ => connection.Client.Subscribe(new SubscribeRequest { SignalPaths = { signal } }, cancellationToken: stop.Token)).ToList();
        foreach (var call in calls)
        {
            // The first message is the value now.
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }

        var latencies = new List<long>[subscribers];
        var readers = calls.Select((call, i) => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<long>(messages);
            try
            {
                while (await call.ResponseStream.MoveNext(stop.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    var k = (int)call.ResponseStream.Current.Entries[signal].Value.Float;
                    if (k >= 1 && k <= messages)
                    {
                        mine.Add(now - Volatile.Read(ref sentAt[k]));
                    }
                }
            }
            catch (RpcException)
            {
                // Stopped.
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        })).ToList();

        var id = new SignalID { Path = signal };
        for (var k = 1; k <= messages; k++)
        {
            Volatile.Write(ref sentAt[k], Stopwatch.GetTimestamp());
            await connection.Client.PublishValueAsync(new PublishValueRequest { SignalId = id, DataPoint = new Datapoint { Value = new Value { Float = k } } });

            // A paced publisher (as a sensor is): every 2 ms, so the measure is the broker's, not a queue's.
            await Task.Delay(2);
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        calls.ForEach(c => c.Dispose());
        foreach (var ticks in latencies.Where(l => l is not null).SelectMany(l => l))
        {
            stats.Add(ticks);
        }

        return stats;
    }
}
