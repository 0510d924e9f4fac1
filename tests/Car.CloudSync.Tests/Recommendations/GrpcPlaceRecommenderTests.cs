using System.Diagnostics;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Tests.Faults;
using Xunit.Abstractions;

namespace Car.CloudSync.Tests.Recommendations;

/// <summary>What the driver gets from the real server through a faulty link: the answer, the cached one with its age, or none.</summary>
public sealed class GrpcPlaceRecommenderTests : IClassFixture<CloudServerFixture>, IDisposable
{
    private static readonly GeoPosition Center = new(30.2741, 120.1551, 90);

    private readonly CloudServerFixture _cloud;
    private readonly ITestOutputHelper _output;
    private readonly TempDirectory _directory = new();
    private readonly string _vehicle = CloudServerFixture.NewVehicle();

    public GrpcPlaceRecommenderTests(CloudServerFixture cloud, ITestOutputHelper output)
    {
        _cloud = cloud;
        _output = output;
        _cloud.HealLink();
    }

    public void Dispose()
    {
        _cloud.HealLink();
        _directory.Dispose();
    }

    [Fact]
    public async Task RecommendPlaces_ServerUp_AnswersFromTheCloud()
    {
        using var recommender = NewRecommender();

        var answer = await recommender.RecommendPlacesAsync(Food());

        Assert.NotEmpty(answer.Places);
        Assert.All(answer.Places, p => Assert.Equal("food", p.Category));
        Assert.False(answer.Origin.FromCache);
        Assert.NotEmpty(answer.Origin.RequestId);
        Assert.InRange(DateTimeOffset.UtcNow - answer.Origin.GeneratedAt, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PlanRouteAndRecommendTrips_ServerUp_AnswerFromTheCloud()
    {
        using var recommender = NewRecommender();
        var place = (await recommender.RecommendPlacesAsync(Food())).Places[0];

        var plan = await recommender.PlanRouteAsync(new RouteQuery(place.Id, null, RoutePreference.Fastest, Center, LocalNoon()));
        var trips = await recommender.RecommendTripsAsync(new TripQuery(null, 0, Center, LocalNoon()));

        Assert.Equal(place.Id, plan.Destination.Id);
        Assert.NotEmpty(plan.Routes);
        Assert.False(plan.Origin.FromCache);
        Assert.False(trips.Origin.FromCache);
    }

    [Fact]
    public async Task RecommendPlaces_ServerDownNothingCached_UnavailableWithinTheDeadline()
    {
        using var recommender = NewRecommender();
        _cloud.Proxy.Mode = ProxyMode.Refuse;
        _cloud.Proxy.CutAll();

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<RecommenderUnavailableException>(() => recommender.RecommendPlacesAsync(Food()));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Options().CallDeadline + CloudServerFixture.LoadedMachineSlack);
        _output.WriteLine($"Refused: unavailable after {clock.ElapsedMilliseconds} ms: {failure.Message}");
    }

    [Fact]
    public async Task RecommendPlaces_ServerDown_AnswersFromTheCacheWithTheAnswersAge()
    {
        using var recommender = NewRecommender();
        var online = await recommender.RecommendPlacesAsync(Food());
        _cloud.Proxy.Mode = ProxyMode.Refuse;
        _cloud.Proxy.CutAll();

        // 300 m further on, the same question.
        var offline = await recommender.RecommendPlacesAsync(Food() with { Position = Center with { Latitude = Center.Latitude + 0.0027 } });

        Assert.True(offline.Origin.FromCache);
        Assert.Equal(online.Origin.GeneratedAt, offline.Origin.GeneratedAt);
        Assert.Equal(online.Origin.RequestId, offline.Origin.RequestId);
        Assert.Equal(online.Places.Select(p => p.Id), offline.Places.Select(p => p.Id));
    }

    [Fact]
    public async Task RecommendPlaces_ServerDownFarFromTheCachedAnswer_Unavailable()
    {
        using var recommender = NewRecommender();
        await recommender.RecommendPlacesAsync(Food());
        _cloud.Proxy.Mode = ProxyMode.Refuse;
        _cloud.Proxy.CutAll();

        await Assert.ThrowsAsync<RecommenderUnavailableException>(
            () => recommender.RecommendPlacesAsync(Food() with { Position = Center with { Latitude = Center.Latitude + 0.2 } }));
    }

    [Theory]
    [InlineData(ProxyMode.Pass)]
    [InlineData(ProxyMode.Blackhole)]
    public async Task RecommendPlaces_ServerSlowerThanTheDeadline_CachedAnswerAtTheDeadlineNotWhenTheServerAnswers(ProxyMode mode)
    {
        using var recommender = NewRecommender();
        await recommender.RecommendPlacesAsync(Food());
        _cloud.Proxy.Mode = mode;
        _cloud.Proxy.ChunkDelay = TimeSpan.FromSeconds(3);

        var clock = Stopwatch.StartNew();
        var offline = await recommender.RecommendPlacesAsync(Food());
        clock.Stop();

        Assert.True(offline.Origin.FromCache);
        Assert.InRange(clock.Elapsed, Options().CallDeadline - TimeSpan.FromMilliseconds(50), Options().CallDeadline + CloudServerFixture.LoadedMachineSlack);
        Assert.True(clock.Elapsed < _cloud.Proxy.ChunkDelay, "the cached answer came before the slow server's first chunk");
        _output.WriteLine($"{mode} with 3 s per chunk: cached answer after {clock.Elapsed.TotalMilliseconds:0} ms "
            + $"({(clock.Elapsed - Options().CallDeadline).TotalMilliseconds:0} ms after the deadline)");
    }

    [Fact]
    public async Task RecommendPlaces_ConnectionResetMidCall_RetriesAndAnswersFromTheCloud()
    {
        using var recommender = NewRecommender();
        await recommender.RecommendPlacesAsync(Food());
        _cloud.Proxy.ChunkDelay = TimeSpan.FromMilliseconds(300);

        var asking = recommender.RecommendPlacesAsync(Food() with { Words = "川菜" });
        await Task.Delay(100);
        _cloud.Proxy.ChunkDelay = TimeSpan.Zero;
        _cloud.Proxy.CutAll();
        var answer = await asking;

        Assert.False(answer.Origin.FromCache);
        Assert.NotEmpty(answer.Places);
    }

    [Fact]
    public async Task Breaker_RepeatedFailures_OpensSoCallsCostNothing_AndClosesWhenTheServerIsBack()
    {
        using var recommender = NewRecommender();
        var options = Options();
        _cloud.Proxy.Mode = ProxyMode.Refuse;
        _cloud.Proxy.CutAll();
        for (var i = 0; i < options.BreakerMinimumThroughput; i++)
        {
            await Assert.ThrowsAsync<RecommenderUnavailableException>(() => recommender.RecommendPlacesAsync(Food()));
        }

        var connectionsBefore = _cloud.Proxy.Accepted;
        var clock = Stopwatch.StartNew();
        var open = await Assert.ThrowsAsync<RecommenderUnavailableException>(() => recommender.RecommendPlacesAsync(Food()));
        clock.Stop();

        Assert.Equal(connectionsBefore, _cloud.Proxy.Accepted);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, options.CallDeadline / 2); // no deadline waited out
        Assert.Contains("not asking", open.Message, StringComparison.Ordinal);
        _output.WriteLine($"Breaker open: unavailable after {clock.Elapsed.TotalMilliseconds:0.0} ms, no connection tried");

        _cloud.HealLink();
        await Task.Delay(options.BreakDuration + TimeSpan.FromMilliseconds(100));
        var answer = await recommender.RecommendPlacesAsync(Food());

        Assert.False(answer.Origin.FromCache);
    }

    [Fact]
    public async Task RecommendPlaces_WrongToken_UnavailableSayingSo()
    {
        var options = Options();
        options.Token = "not-the-token";
        using var recommender = new GrpcPlaceRecommender(options);

        var failure = await Assert.ThrowsAsync<RecommenderUnavailableException>(() => recommender.RecommendPlacesAsync(Food()));

        Assert.Contains("token", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecommendPlaces_CallerCancels_Cancelled()
    {
        using var recommender = NewRecommender();
        _cloud.Proxy.ChunkDelay = TimeSpan.FromSeconds(3);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recommender.RecommendPlacesAsync(Food(), cancel.Token));
    }

    private static PlaceQuery Food() => new("food", null, Center, LocalNoon());

    private static DateTimeOffset LocalNoon() => new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8));

    private Car.CloudSync.Connection.CloudOptions Options() => _cloud.Options(_vehicle, _directory.Path);

    private GrpcPlaceRecommender NewRecommender() => new(Options());
}
