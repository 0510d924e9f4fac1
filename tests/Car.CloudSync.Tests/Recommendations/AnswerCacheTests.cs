using Car.CloudSync.Connection;
using Car.CloudSync.Recommendations;
using Microsoft.Extensions.Time.Testing;

namespace Car.CloudSync.Tests.Recommendations;

public sealed class AnswerCacheTests : IDisposable
{
    private static readonly CacheKey Food = new("car-1", "places", "food");
    private static readonly GeoPosition Here = new(30.2741, 120.1551);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly CloudOptions _options;

    public AnswerCacheTests()
    {
        _options = new CloudOptions
        {
            DataDirectory = _directory.Path,
            CacheRadiusMeters = 1000,
            CacheMaxAge = TimeSpan.FromHours(1),
            CacheMaxEntries = 3,
        };
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Find_SameQueryWithinRadius_ReturnsTheAnswer()
    {
        using var cache = new AnswerCache(_options, _time);
        cache.Store(Food, Here, _time.GetUtcNow(), [1, 2, 3]);

        // About 550 m north.
        Assert.Equal([1, 2, 3], cache.Find(Food, Here with { Latitude = Here.Latitude + 0.005 }));
    }

    [Fact]
    public void Find_BeyondRadius_ReturnsNothing()
    {
        using var cache = new AnswerCache(_options, _time);
        cache.Store(Food, Here, _time.GetUtcNow(), [1]);

        Assert.Null(cache.Find(Food, Here with { Longitude = Here.Longitude + 0.02 }));
    }

    [Fact]
    public void Find_OtherQueryOrVehicle_ReturnsNothing()
    {
        using var cache = new AnswerCache(_options, _time);
        cache.Store(Food, Here, _time.GetUtcNow(), [1]);

        Assert.Null(cache.Find(Food with { Query = "coffee" }, Here));
        Assert.Null(cache.Find(Food with { VehicleId = "car-2" }, Here));
    }

    [Fact]
    public void Find_OlderThanMaxAge_ReturnsNothing()
    {
        using var cache = new AnswerCache(_options, _time);
        cache.Store(Food, Here, _time.GetUtcNow(), [1]);

        _time.Advance(TimeSpan.FromMinutes(61));

        Assert.Null(cache.Find(Food, Here));
    }

    [Fact]
    public void Store_BeyondMaxEntries_ForgetsTheOldest()
    {
        using var cache = new AnswerCache(_options, _time);
        for (var i = 0; i < 5; i++)
        {
            cache.Store(Food with { Query = $"q{i}" }, Here, _time.GetUtcNow(), [(byte)i]);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(cache.Find(Food with { Query = "q0" }, Here));
        Assert.Null(cache.Find(Food with { Query = "q1" }, Here));
        Assert.Equal([4], cache.Find(Food with { Query = "q4" }, Here));
    }

    [Fact]
    public void Store_SameQueryCloseBy_ReplacesTheEarlierAnswer()
    {
        using var cache = new AnswerCache(_options, _time);
        cache.Store(Food, Here, _time.GetUtcNow(), [1]);
        _time.Advance(TimeSpan.FromMinutes(1));
        cache.Store(Food, Here, _time.GetUtcNow(), [2]);

        Assert.Equal([2], cache.Find(Food, Here));
    }

    [Fact]
    public void Find_AfterReopen_StillRemembers()
    {
        using (var cache = new AnswerCache(_options, _time))
        {
            cache.Store(Food, null, _time.GetUtcNow(), [7]);
        }

        using var reopened = new AnswerCache(_options, _time);

        Assert.Equal([7], reopened.Find(Food, null));
        Assert.Null(reopened.Find(Food, Here));
        Assert.Equal(_time.GetUtcNow(), reopened.Newest("car-1"));
    }
}
