using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Tests.Hosting;
using Grpc.Core;
using Xunit.Abstractions;

namespace Car.CloudSync.Server.Tests;

/// <summary>What a driver sees from the server, the same on every storage (see the derived classes).</summary>
public abstract class CloudBehaviourTests(ITestOutputHelper output)
{
    // The sample city's center, where the car simulator starts.
    protected static readonly GeoPoint Center = new() { Latitude = 30.2741, Longitude = 120.1551 };

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>The server under test; null when this storage is not available here (the test then passes, saying so).</summary>
    protected abstract Task<CloudServerHandle?> ServerAsync();

    protected static VehicleContext Car(string vehicleId, LocalTime time, GeoPoint? position = null) => new()
    {
        VehicleId = vehicleId,
        Position = position ?? Center,
        HeadingDegrees = -1,
        LocalTime = time,
    };

    [Fact]
    public async Task RecommendPlaces_Hungry_ReturnsRankedFoodWithReasonsAndSampleMetadata()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var reply = await server.Recommendations.RecommendPlacesAsync(
            new RecommendPlacesRequest { Vehicle = Car("car-01", Moments.Wednesday(12, 5)), Words = "我饿了" }, CloudServerHandle.As("car-01"));

        Assert.Equal(5, reply.Places.Count);
        Assert.All(reply.Places, p =>
        {
            Assert.Equal("food", p.Category);
            Assert.False(string.IsNullOrEmpty(p.Cuisine));
            Assert.Contains("距离", p.Reason, StringComparison.Ordinal);
            Assert.StartsWith("评分", p.Reason, StringComparison.Ordinal);
            Assert.True(p.DistanceMeters > 0);
        });
        Assert.True(reply.Places[0].OpenNow);
        Assert.Equal("sample-city", reply.Metadata.DataSource);
        Assert.True(reply.Metadata.SampleData);
        Assert.True(Guid.TryParse(reply.Metadata.RequestId, out _));
        Assert.False(string.IsNullOrEmpty(reply.Metadata.ServerVersion));
        Assert.NotNull(reply.Metadata.GeneratedAt);
    }

    [Fact]
    public async Task RecommendPlaces_NextPage_ReturnsOtherPlaces()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var request = new RecommendPlacesRequest { Vehicle = Car("car-02", Moments.Wednesday(19)), Category = "food", Words = "火锅", MaxResults = 3 };
        var first = await server.Recommendations.RecommendPlacesAsync(request, CloudServerHandle.As("car-02"));
        request.Offset = 3;
        var second = await server.Recommendations.RecommendPlacesAsync(request, CloudServerHandle.As("car-02"));

        Assert.All(first.Places.Concat(second.Places), p => Assert.Equal("火锅", p.Cuisine));
        Assert.Empty(first.Places.Select(p => p.Id).Intersect(second.Places.Select(p => p.Id)));
    }

    [Fact]
    public async Task RecommendPlaces_AfterLunchTripsToSichuanPlace_RanksItFirstAsUsual()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        const string Vehicle = "car-03";
        var sichuan = await server.Recommendations.RecommendPlacesAsync(
            new RecommendPlacesRequest { Vehicle = Car(Vehicle, Moments.Wednesday(12)), Words = "川菜", MaxResults = 6 }, CloudServerHandle.As(Vehicle));
        var favourite = sichuan.Places.Last(p => p.OpenNow);
        var report = new ReportEventsRequest { VehicleId = Vehicle };
        for (var day = 16; day <= 20; day++)
        {
            report.Events.Add(new VehicleEvent
            {
                IdempotencyKey = $"lunch-{day}",
                OccurredAt = Moments.At(day, 12, 10),
                Trip = new TripTaken
                {
                    PlaceId = favourite.Id, DestinationName = favourite.Name, Destination = favourite.Position,
                    Category = "food", Cuisine = favourite.Cuisine, PriceLevel = favourite.PriceLevel,
                },
            });
        }

        await server.Events.ReportEventsAsync(report, CloudServerHandle.As(Vehicle));
        var hungry = await server.Recommendations.RecommendPlacesAsync(
            new RecommendPlacesRequest { Vehicle = Car(Vehicle, Moments.At(23, 12, 15)), Words = "我饿了" }, CloudServerHandle.As(Vehicle));

        Assert.Equal(favourite.Id, hungry.Places[0].Id);
        Assert.StartsWith("您常去的川菜馆，距离", hungry.Places[0].Reason, StringComparison.Ordinal);
        Output.WriteLine($"{hungry.Places[0].Name}: {hungry.Places[0].Reason}; then {hungry.Places[1].Name}: {hungry.Places[1].Reason}");
    }

    [Fact]
    public async Task PlanRoute_CompanyAndHomeAfterWeekdayTrips_ResolvedFromHabits()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        const string Vehicle = "car-04";
        var office = new GeoPoint { Latitude = 30.3032, Longitude = 120.1832 };
        var home = new GeoPoint { Latitude = 30.2499, Longitude = 120.1270 };
        var report = new ReportEventsRequest { VehicleId = Vehicle };
        for (var day = 16; day <= 20; day++)
        {
            report.Events.Add(Trip($"morning-{day}", Moments.At(day, 8, 40), "云谷科技园", office));
            report.Events.Add(Trip($"evening-{day}", Moments.At(day, 19, 5), "梧桐里小区", home));
        }

        report.Events.Add(Trip("weekend-coffee", Moments.Saturday(9), "拾光咖啡", Center));
        await server.Events.ReportEventsAsync(report, CloudServerHandle.As(Vehicle));

        var toWork = await server.Recommendations.PlanRouteAsync(
            new PlanRouteRequest { Vehicle = Car(Vehicle, Moments.At(23, 8, 30), home), DestinationText = "回公司" }, CloudServerHandle.As(Vehicle));
        var toHome = await server.Recommendations.PlanRouteAsync(
            new PlanRouteRequest { Vehicle = Car(Vehicle, Moments.At(23, 18, 30), office), DestinationText = "回家" }, CloudServerHandle.As(Vehicle));

        Assert.Equal("云谷科技园", toWork.Destination.Name);
        Assert.Equal("梧桐里小区", toHome.Destination.Name);
        Assert.NotEmpty(toWork.Alternatives);
        Assert.True(toWork.Alternatives[0].DistanceMeters > 5000);
        Assert.True(toWork.Metadata.SampleData);
    }

    [Fact]
    public async Task PlanRoute_ExplicitLabel_WinsOverMorningHabit()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        const string Vehicle = "car-05";
        var report = new ReportEventsRequest { VehicleId = Vehicle };
        report.Events.Add(Trip("m1", Moments.At(16, 8, 30), "云谷科技园", new GeoPoint { Latitude = 30.3032, Longitude = 120.1832 }));
        report.Events.Add(Trip("m2", Moments.At(17, 8, 30), "云谷科技园", new GeoPoint { Latitude = 30.3032, Longitude = 120.1832 }));
        var labelled = Trip("labelled", Moments.At(18, 14, 0), "新大楼", new GeoPoint { Latitude = 30.2600, Longitude = 120.1700 });
        labelled.Trip.Label = "公司";
        report.Events.Add(labelled);
        await server.Events.ReportEventsAsync(report, CloudServerHandle.As(Vehicle));

        var route = await server.Recommendations.PlanRouteAsync(
            new PlanRouteRequest { Vehicle = Car(Vehicle, Moments.At(23, 8, 30)), DestinationText = "公司" }, CloudServerHandle.As(Vehicle));

        Assert.Equal("新大楼", route.Destination.Name);
    }

    [Fact]
    public async Task PlanRoute_LabelledTripWithoutAPlace_CompanyStaysUnknown()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        const string Vehicle = "car-15";
        var report = new ReportEventsRequest { VehicleId = Vehicle };
        var words = new VehicleEvent
        {
            IdempotencyKey = "words-only", OccurredAt = Moments.At(16, 8, 30), Trip = new TripTaken { DestinationName = "公司", Label = "公司" },
        };
        report.Events.Add(words);
        await server.Events.ReportEventsAsync(report, CloudServerHandle.As(Vehicle));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Recommendations.PlanRouteAsync(
            new PlanRouteRequest { Vehicle = Car(Vehicle, Moments.At(23, 8, 30)), DestinationText = "公司" }, CloudServerHandle.As(Vehicle)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ReportEvents_DuplicateKeys_ReportedAsDuplicatesAndCountedOnce()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        const string Vehicle = "car-06";
        var first = new ReportEventsRequest { VehicleId = Vehicle };
        first.Events.Add(Trip("k1", Moments.Monday(12), "蜀香川菜馆", Center));
        first.Events.Add(Trip("k2", Moments.Monday(13), "蜀香川菜馆", Center));
        var second = new ReportEventsRequest { VehicleId = Vehicle };
        second.Events.Add(Trip("k2", Moments.Monday(13), "蜀香川菜馆", Center));
        second.Events.Add(Trip("k3", Moments.Monday(14), "蜀香川菜馆", Center));
        second.Events.Add(Trip("k3", Moments.Monday(14), "蜀香川菜馆", Center));

        var a = await server.Events.ReportEventsAsync(first, CloudServerHandle.As(Vehicle));
        var b = await server.Events.ReportEventsAsync(second, CloudServerHandle.As(Vehicle));
        var again = await server.Events.ReportEventsAsync(first, CloudServerHandle.As(Vehicle));

        Assert.Equal(["k1", "k2"], a.AcceptedKeys);
        Assert.Empty(a.DuplicateKeys);
        Assert.Equal(["k3"], b.AcceptedKeys);
        Assert.Equal(["k2", "k3"], b.DuplicateKeys);
        Assert.Empty(again.AcceptedKeys);
        Assert.Equal(["k1", "k2"], again.DuplicateKeys);
        Assert.Equal(3, await server.Store.CountEventsAsync(Vehicle, CancellationToken.None));
        var habits = await server.Store.ReadHabitsAsync(Vehicle, CancellationToken.None);
        Assert.Equal(3, habits.Single(h => h.Key.StartsWith("place:", StringComparison.Ordinal)).Count);
    }

    [Fact]
    public async Task ReportEvents_EventWithoutKey_InvalidArgument()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var request = new ReportEventsRequest { VehicleId = "car-07" };
        request.Events.Add(Trip("", Moments.Monday(12), "蜀香川菜馆", Center));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Events.ReportEventsAsync(request, CloudServerHandle.As("car-07")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Calls_WithoutOrWithAnotherVehiclesToken_Refused()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var request = new RecommendPlacesRequest { Vehicle = Car("car-08", Moments.Monday(12)), Category = "coffee" };

        var none = await Assert.ThrowsAsync<RpcException>(async () => await server.Recommendations.RecommendPlacesAsync(request, CloudServerHandle.WithToken(null)));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await server.Recommendations.RecommendPlacesAsync(request, CloudServerHandle.WithToken("guess")));
        var other = await Assert.ThrowsAsync<RpcException>(async () => await server.Recommendations.RecommendPlacesAsync(request, CloudServerHandle.As("car-09")));
        var events = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Events.ReportEventsAsync(new ReportEventsRequest { VehicleId = "car-08" }, CloudServerHandle.As("car-09")));

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, unknown.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, events.StatusCode);
    }

    [Fact]
    public async Task PlanRoute_NoHighway_ChangesTheAnswer()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var from = new GeoPoint { Latitude = 30.2425, Longitude = 120.1185 };
        var to = new GeoPoint { Latitude = 30.3058, Longitude = 120.1918 };
        PlanRouteRequest Request(RoutePreference preference) => new()
        {
            Vehicle = Car("car-10", Moments.Wednesday(8, 30), from),
            DestinationText = "云谷科技园",
            Origin = from,
            Preference = preference,
        };

        var fastest = await server.Recommendations.PlanRouteAsync(Request(RoutePreference.Fastest), CloudServerHandle.As("car-10"));
        var noHighway = await server.Recommendations.PlanRouteAsync(Request(RoutePreference.NoHighway), CloudServerHandle.As("car-10"));

        Assert.True(fastest.Alternatives[0].UsesHighway);
        Assert.Contains("高架", fastest.Alternatives[0].Summary, StringComparison.Ordinal);
        Assert.InRange(noHighway.Alternatives.Count, 2, 3);
        Assert.All(noHighway.Alternatives, r => Assert.False(r.UsesHighway));
        Assert.All(noHighway.Alternatives, r => Assert.DoesNotContain("高架", r.Summary, StringComparison.Ordinal));
        Assert.True(noHighway.Alternatives[0].DurationSeconds > fastest.Alternatives[0].DurationSeconds);
        Assert.StartsWith("经", noHighway.Alternatives[0].Summary, StringComparison.Ordinal);
        Output.WriteLine($"fastest {fastest.Alternatives[0].Summary} {fastest.Alternatives[0].DurationSeconds}s; no highway {noHighway.Alternatives[0].Summary} {noHighway.Alternatives[0].DurationSeconds}s");
    }

    [Fact]
    public async Task PlanRoute_AvoidTollToAirport_TakesTheFreeRoad()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        PlanRouteRequest Request(RoutePreference preference) => new()
        {
            Vehicle = Car("car-11", Moments.Wednesday(14)),
            DestinationText = "去东郊机场",
            Preference = preference,
        };

        var fastest = await server.Recommendations.PlanRouteAsync(Request(RoutePreference.Fastest), CloudServerHandle.As("car-11"));
        var avoidToll = await server.Recommendations.PlanRouteAsync(Request(RoutePreference.AvoidToll), CloudServerHandle.As("car-11"));

        Assert.Equal("东郊机场", fastest.Destination.Name);
        Assert.True(fastest.Alternatives[0].HasTolls);
        Assert.All(avoidToll.Alternatives, r => Assert.False(r.HasTolls));
    }

    [Fact]
    public async Task PlanRoute_RushHour_SlowerThanNight()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        PlanRouteRequest Request(LocalTime time) => new() { Vehicle = Car("car-12", time), DestinationText = "云谷科技园", Preference = RoutePreference.Fastest };

        var rush = await server.Recommendations.PlanRouteAsync(Request(Moments.Wednesday(8, 15)), CloudServerHandle.As("car-12"));
        var night = await server.Recommendations.PlanRouteAsync(Request(Moments.Wednesday(23, 30)), CloudServerHandle.As("car-12"));

        Assert.True(rush.Alternatives[0].DurationSeconds > night.Alternatives[0].DurationSeconds * 1.2);
        Assert.Equal(Congestion.Free, night.Alternatives[0].Congestion);
        Assert.NotEqual(Congestion.Free, rush.Alternatives[0].Congestion);
    }

    [Fact]
    public async Task PlanRoute_UnknownDestination_NotFound()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Recommendations.PlanRouteAsync(
            new PlanRouteRequest { Vehicle = Car("car-13", Moments.Monday(9)), DestinationText = "火星基地" }, CloudServerHandle.As("car-13")));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RecommendTrip_FamilyTheme_ReturnsTripsOfThatThemeWithStops()
    {
        if (await ServerAsync() is not { } server)
        {
            return;
        }

        var reply = await server.Recommendations.RecommendTripAsync(
            new RecommendTripRequest { Vehicle = Car("car-14", Moments.Saturday(9)), Theme = "亲子", Days = 2 }, CloudServerHandle.As("car-14"));

        Assert.InRange(reply.Trips.Count, 1, 3);
        Assert.All(reply.Trips, t =>
        {
            Assert.Equal("亲子", t.Theme);
            Assert.Equal(2, t.Days);
            Assert.Equal("scenic", t.Stops[0].Category);
            Assert.Contains(t.Stops, s => s.Category == "food");
            Assert.Contains(t.Stops, s => s.Category == "hotel");
            Assert.True(t.DistanceMeters > 0);
        });
        Assert.True(reply.Metadata.SampleData);
    }

    protected static VehicleEvent Trip(string key, LocalTime at, string name, GeoPoint destination) => new()
    {
        IdempotencyKey = key,
        OccurredAt = at,
        Trip = new TripTaken { DestinationName = name, Destination = destination, Category = "food" },
    };
}
