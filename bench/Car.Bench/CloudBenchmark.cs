using System.Diagnostics;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Server;
using Car.CloudSync.Status;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Car.Bench;

/// <summary>
/// The reference cloud server on loopback, in this process, on SQLite and (given a connection string or the PostgreSQL
/// binaries) on PostgreSQL:
/// - recommend latency as the car sees it (the real client: resilience pipeline, answer cache), one request at a time;
/// - throughput with many simulated cars, each with its own channel and token, asking as fast as answers come;
/// - outbox drain: events queued while the server was unreachable, delivered once it is back.
/// </summary>
internal static class CloudBenchmark
{
    private static readonly string[] Categories = ["food", "coffee", "gas_station", "parking", "charging_station"];

    public static async Task RunAsync(int seconds, int cars, int events, string? postgres)
    {
        Console.WriteLine($"cloud: reference server in-process on loopback, {Environment.ProcessorCount} cores, {seconds} s per load run, {cars} cars, {events} queued events");
        Console.WriteLine();
        Console.WriteLine($"| store | recommend p50 | recommend p99 | requests/s ({cars} cars) | load p99 | outbox drain |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var directory = Directory.CreateTempSubdirectory("car-bench-cloud-").FullName;
        try
        {
            await MeasureAsync("SQLite", [$"--Storage:Sqlite:Path={Path.Combine(directory, "cloud.db")}"], directory, seconds, cars, events);
            if (postgres is null)
            {
                Console.WriteLine("| PostgreSQL | not measured: give --postgres CONNECTION (bench/postgres-cluster.sh start makes one) | | | | |");
                return;
            }

            await MeasureAsync(
                "PostgreSQL", ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={postgres}"], directory, seconds, cars, events);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task MeasureAsync(string store, string[] storage, string directory, int seconds, int cars, int events)
    {
        // Every car has its own token, as in a fleet: the server checks one on every call.
        string[] tokens = [.. Enumerable.Range(0, cars).Select(car => $"--Auth:VehicleTokens:bench-car-{car}=token-{car}"), "--Auth:VehicleTokens:bench-drain=token-drain"];
        var app = CloudServer.Create(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", .. tokens, .. storage]);
        await app.StartAsync();
        try
        {
            var endpoint = new Uri(app.Urls.First());
            var latency = await RecommendLatencyAsync(endpoint, Path.Combine(directory, $"car-{store}"));
            var (perSecond, loadP99) = await ThroughputAsync(endpoint, seconds, cars);
            var drain = await OutboxDrainAsync(endpoint, Path.Combine(directory, $"drain-{store}"), events);
            Console.WriteLine(
                $"| {store} | {latency.Percentile(50) / 1000:0.00} ms | {latency.Percentile(99) / 1000:0.00} ms | {perSecond:0} | {loadP99 / 1000:0.0} ms | {drain:0} events/s |");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>One car asking again and again through the car-side client, as the assistant does.</summary>
    private static async Task<LatencyStats> RecommendLatencyAsync(Uri endpoint, string dataDirectory)
    {
        using var car = CarServices(endpoint, dataDirectory, "bench-car-0");
        var recommender = car.GetRequiredService<IPlaceRecommender>();
        var stats = new LatencyStats("recommend");
        for (var i = 0; i < 2200; i++)
        {
            var query = new PlaceQuery(Categories[i % Categories.Length], null, Position(i), DateTimeOffset.Now);
            var started = Stopwatch.GetTimestamp();
            var answer = await recommender.RecommendPlacesAsync(query);
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (answer.Origin.FromCache)
            {
                throw new InvalidOperationException("The benchmark's server did not answer; a cached answer is no measurement.");
            }

            if (i >= 200)
            {
                stats.Add(elapsed);
            }
        }

        return stats;
    }

    /// <summary>Many cars, each with its own HTTP/2 connection, each asking as soon as its last answer came.</summary>
    private static async Task<(double PerSecond, double P99)> ThroughputAsync(Uri endpoint, int seconds, int cars)
    {
        var channels = Enumerable.Range(0, cars).Select(_ => GrpcChannel.ForAddress(endpoint)).ToList();
        try
        {
            var stop = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
            var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
            var all = new LatencyStats("load");
            var started = 0L;
            var tasks = channels.Select((channel, car) => Task.Run(async () =>
            {
                var client = new Recommendations.RecommendationsClient(channel);
                var token = new Metadata { { "authorization", $"Bearer token-{car}" } };
                var mine = new List<long>();
                for (var i = 0; Stopwatch.GetTimestamp() < stop; i++)
                {
                    var request = new RecommendPlacesRequest
                    {
                        Vehicle = new VehicleContext
                        {
                            VehicleId = $"bench-car-{car}",
                            Position = new GeoPoint { Latitude = Position(i).Latitude, Longitude = Position(i).Longitude },
                            HeadingDegrees = -1,
                            LocalTime = new LocalTime { Instant = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), UtcOffsetMinutes = 480 },
                        },
                        Category = Categories[(car + i) % Categories.Length],
                        MaxResults = 5,
                    };
                    var begin = Stopwatch.GetTimestamp();
                    await client.RecommendPlacesAsync(request, token, deadline: DateTime.UtcNow.AddSeconds(5));
                    if (begin > warmUntil)
                    {
                        mine.Add(Stopwatch.GetTimestamp() - begin);
                    }
                }

                return mine;
            })).ToList();
            var measuredFrom = warmUntil;
            foreach (var ticks in (await Task.WhenAll(tasks)).SelectMany(t => t))
            {
                all.Add(ticks);
                started++;
            }

            var measuredSeconds = (stop - measuredFrom) / (double)Stopwatch.Frequency;
            return (started / measuredSeconds, all.Percentile(99));
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Events queued while the delivery could not run (the outage), then the time until the server has them all.</summary>
    private static async Task<double> OutboxDrainAsync(Uri endpoint, string dataDirectory, int events)
    {
        using var car = CarServices(endpoint, dataDirectory, "bench-drain");
        var reporter = car.GetRequiredService<IVehicleEventReporter>();
        for (var i = 0; i < events; i++)
        {
            await reporter.ReportAsync(new TripTakenEvent(ReportedEvent.NewKey(), DateTimeOffset.Now, $"地点{i % 40}"));
        }

        var status = car.GetRequiredService<ICloudStatus>();
        var delivery = car.GetServices<IHostedService>().ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var service in delivery)
        {
            await service.StartAsync(CancellationToken.None);
        }

        while ((await status.GetStatusAsync()).OutboxSize > 0)
        {
            await Task.Delay(20);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var service in delivery)
        {
            await service.StopAsync(CancellationToken.None);
        }

        return events / elapsed.TotalSeconds;
    }

    private static ServiceProvider CarServices(Uri endpoint, string dataDirectory, string vehicleId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cloud:Endpoint"] = endpoint.ToString(),
            ["Cloud:VehicleId"] = vehicleId,
            ["Cloud:Token"] = vehicleId == "bench-drain" ? "token-drain" : "token-0",
            ["Cloud:DataDirectory"] = dataDirectory,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddCloudSync()
            .BuildServiceProvider();
    }

    /// <summary>Positions walking around the sample city's centre, so answers are not all the same.</summary>
    private static GeoPosition Position(int i) => new(30.2741 + (i % 7 - 3) * 0.004, 120.1551 + (i % 5 - 2) * 0.004);
}
