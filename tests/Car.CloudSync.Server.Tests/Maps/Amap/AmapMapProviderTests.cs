using System.Web;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Maps;
using Car.CloudSync.Server.Maps.Amap;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server.Tests.Maps.Amap;

public sealed class AmapMapProviderTests
{
    private static readonly GeoCoordinate Center = new(30.2741, 120.1551);

    private static (AmapMapProvider Provider, RecordedAmapHandler Handler) Provider(params (string Path, string File)[] responses)
    {
        var handler = new RecordedAmapHandler(responses.ToDictionary(r => r.Path, r => r.File));
        var options = Options.Create(new MapOptions { Provider = "amap", Amap = { Key = "test-key", BaseUrl = new Uri("https://restapi.amap.com") } });
        return (new AmapMapProvider(new AmapClient(new HttpClient(handler), options)), handler);
    }

    [Fact]
    public async Task SearchAsync_FoodAround_SendsKeyTypesAndGcjLocation_ReadsPlaces()
    {
        var (provider, handler) = Provider(("/v3/place/around", "place_around.json"));

        var places = await provider.SearchAsync(new PlaceSearch(Center, "food", "川菜", null, 3000, 10), CancellationToken.None);

        var query = HttpUtility.ParseQueryString(handler.Requests.Single().Query);
        Assert.Equal("test-key", query["key"]);
        Assert.Equal("050000", query["types"]);
        Assert.Equal("川菜", query["keywords"]);
        Assert.Equal("3000", query["radius"]);
        var location = query["location"]!.Split(',').Select(double.Parse).ToArray();
        Assert.InRange(location[0] - Center.Longitude, 0.003, 0.006); // GCJ-02 is offset east of WGS-84 here
        Assert.Equal(3, places.Count);
        Assert.Equal("辣味小厨(测试店)", places[0].Name);
        Assert.Equal("川菜", places[0].Cuisine);
        Assert.Equal(4.6, places[0].Rating);
        Assert.Equal(2, places[0].PriceLevel);
        Assert.False(places[0].Hours.IsOpen(new TimeOnly(22, 0)));
        Assert.Equal("粤菜", places[1].Cuisine);
        Assert.Equal(3, places[1].PriceLevel);
        Assert.Equal("", places[2].Address);
        Assert.Equal(0, places[2].Rating);
        Assert.True(places[2].Hours.IsOpen(new TimeOnly(3, 0)));
        Assert.InRange(places[0].Position.DistanceTo(new GeoCoordinate(30.272, 120.16)), 300, 700); // converted back to WGS-84
    }

    [Fact]
    public async Task PlanRoutesAsync_Driving_ReadsPathsTollsHighwayAndTraffic()
    {
        var (provider, handler) = Provider(("/v3/direction/driving", "direction_driving.json"));

        var routes = await provider.PlanRoutesAsync(Center, new GeoCoordinate(30.3, 120.2), RoutePreference.NoHighway, DateTimeOffset.Now, CancellationToken.None);

        var query = HttpUtility.ParseQueryString(handler.Requests.Single().Query);
        Assert.Equal("13", query["strategy"]);
        Assert.Equal("test-key", query["key"]);
        Assert.Equal(2, routes.Count);
        Assert.Equal(6120, routes[0].DistanceMeters);
        Assert.Equal(840, routes[0].DurationSeconds);
        Assert.True(routes[0].HasTolls);
        Assert.True(routes[0].UsesHighway);
        Assert.Equal(["测试大道", "样例高速", "终点路"], routes[0].Roads);
        Assert.Equal(Congestion.Slow, routes[0].Congestion);
        Assert.Equal(5, routes[0].Path.Count);
        Assert.False(routes[1].HasTolls);
        Assert.False(routes[1].UsesHighway);
        Assert.Equal(Congestion.Unknown, routes[1].Congestion);
    }

    [Fact]
    public async Task SearchAsync_InvalidKey_Unavailable()
    {
        var (provider, _) = Provider(("/v3/place/around", "invalid_key.json"));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await provider.SearchAsync(new PlaceSearch(Center, "coffee", null, null, 1000, 5), CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("INVALID_USER_KEY", error.Status.Detail, StringComparison.Ordinal);
    }
}
