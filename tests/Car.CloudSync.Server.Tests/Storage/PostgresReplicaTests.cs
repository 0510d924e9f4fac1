using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Tests.Hosting;
using Xunit.Abstractions;

namespace Car.CloudSync.Server.Tests.Storage;

/// <summary>Two replicas on one PostgreSQL serve one car alternately and agree: the database is the only state.</summary>
[Collection(PostgresClusterDefinition.Name)]
public sealed class PostgresReplicaTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static readonly GeoPoint Center = new() { Latitude = 30.2741, Longitude = 120.1551 };

    [Fact]
    public async Task Replicas_OneCarAlternately_AgreeOnEventsRankingAndCompany()
    {
        if (cluster.SkipReason is not null)
        {
            output.WriteLine(cluster.SkipReason);
            return;
        }

        // Both start at once on an empty database: the migration lock lets one migrate and the other find it done.
        var database = await cluster.CreateDatabaseAsync();
        var replicas = await Task.WhenAll(cluster.ReplicaAsync("replica-a", database), cluster.ReplicaAsync("replica-b", database));
        var (a, b) = (replicas[0], replicas[1]);
        const string Vehicle = "car-30";
        var auth = CloudServerHandle.As(Vehicle);
        var car = new VehicleContext { VehicleId = Vehicle, Position = Center, LocalTime = Moments.Wednesday(12) };
        var sichuan = await b.Recommendations.RecommendPlacesAsync(new RecommendPlacesRequest { Vehicle = car, Words = "川菜", MaxResults = 6 }, auth);
        var favourite = sichuan.Places.Last(p => p.OpenNow);

        var report = new ReportEventsRequest { VehicleId = Vehicle };
        for (var day = 16; day <= 20; day++)
        {
            report.Events.Add(new VehicleEvent
            {
                IdempotencyKey = $"lunch-{day}",
                OccurredAt = Moments.At(day, 12, 20),
                Trip = new TripTaken { PlaceId = favourite.Id, DestinationName = favourite.Name, Destination = favourite.Position, Category = "food", Cuisine = "川菜" },
            });
            report.Events.Add(new VehicleEvent
            {
                IdempotencyKey = $"office-{day}",
                OccurredAt = Moments.At(day, 8, 45),
                Trip = new TripTaken { DestinationName = "云谷科技园", Destination = new GeoPoint { Latitude = 30.3032, Longitude = 120.1832 } },
            });
        }

        var viaA = await a.Events.ReportEventsAsync(report, auth);
        var sameViaB = await b.Events.ReportEventsAsync(report, auth);
        var single = new ReportEventsRequest { VehicleId = Vehicle, Events = { new VehicleEvent { IdempotencyKey = "once", OccurredAt = Moments.Saturday(10), Offered = new RecommendationOffered { RequestId = "r" } } } };
        var onceViaB = await b.Events.ReportEventsAsync(single, auth);
        var onceViaA = await a.Events.ReportEventsAsync(single, auth);

        Assert.Equal(10, viaA.AcceptedKeys.Count);
        Assert.Equal(10, sameViaB.DuplicateKeys.Count);
        Assert.Equal(["once"], onceViaB.AcceptedKeys);
        Assert.Equal(["once"], onceViaA.DuplicateKeys);
        Assert.Equal(11, await a.Store.CountEventsAsync(Vehicle, CancellationToken.None));

        var hungry = new RecommendPlacesRequest { Vehicle = new VehicleContext { VehicleId = Vehicle, Position = Center, LocalTime = Moments.At(23, 12, 0) }, Words = "我饿了" };
        var rankingA = await a.Recommendations.RecommendPlacesAsync(hungry, auth);
        var rankingB = await b.Recommendations.RecommendPlacesAsync(hungry, auth);
        var work = new PlanRouteRequest { Vehicle = new VehicleContext { VehicleId = Vehicle, Position = Center, LocalTime = Moments.At(23, 8, 30) }, DestinationText = "回公司" };
        var workA = await a.Recommendations.PlanRouteAsync(work, auth);
        var workB = await b.Recommendations.PlanRouteAsync(work, auth);

        output.WriteLine($"favourite {favourite.Name} {favourite.DistanceMeters}m; A: {string.Join(" | ", rankingA.Places.Select(p => $"{p.Id} {p.Name} {p.Reason}"))}");
        Assert.Equal(favourite.Id, rankingB.Places[0].Id);
        Assert.Equal(rankingA.Places.Select(p => (p.Id, p.Reason)), rankingB.Places.Select(p => (p.Id, p.Reason)));
        Assert.Equal("云谷科技园", workA.Destination.Name);
        Assert.Equal("云谷科技园", workB.Destination.Name);
    }

    [Fact]
    public async Task Replicas_SameKeyAtOnce_StoredOnce()
    {
        if (cluster.SkipReason is not null)
        {
            output.WriteLine(cluster.SkipReason);
            return;
        }

        var database = await cluster.CreateDatabaseAsync();
        var replicas = await Task.WhenAll(cluster.ReplicaAsync("race-a", database), cluster.ReplicaAsync("race-b", database));
        const string Vehicle = "car-31";
        var requests = Enumerable.Range(0, 20).Select(i => new ReportEventsRequest
        {
            VehicleId = Vehicle,
            Events = { new VehicleEvent { IdempotencyKey = $"race-{i % 5}", OccurredAt = Moments.Monday(12), Trip = new TripTaken { PlaceId = "sc-0001", DestinationName = "x", Category = "food" } } },
        }).ToList();

        var replies = await Task.WhenAll(requests.Select((r, i) => replicas[i % 2].Events.ReportEventsAsync(r, CloudServerHandle.As(Vehicle)).ResponseAsync));

        Assert.Equal(5, replies.Sum(r => r.AcceptedKeys.Count));
        Assert.Equal(15, replies.Sum(r => r.DuplicateKeys.Count));
        var habits = await replicas[0].Store.ReadHabitsAsync(Vehicle, CancellationToken.None);
        Assert.Equal(5, habits.Single(h => h.Key == "place:sc-0001").Count);
    }
}
