using Car.CloudSync.Contract.V1;
using Grpc.Core;

namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>Places and routes from Amap, converted between the car's WGS-84 and Amap's GCJ-02.</summary>
internal sealed class AmapMapProvider(AmapClient client) : IMapProvider
{
    private static readonly Dictionary<string, string> TypeCodes = new(StringComparer.Ordinal)
    {
        ["food"] = "050000",
        ["gas_station"] = "010100",
        ["charging_station"] = "011100",
        ["parking"] = "150900",
        ["restroom"] = "200300",
        ["coffee"] = "050500",
        ["hotel"] = "100000",
        ["scenic"] = "110000",
    };

    private static readonly (string Word, string Cuisine)[] CuisineOfType =
    [
        ("四川菜", "川菜"), ("川菜", "川菜"), ("广东菜", "粤菜"), ("粤菜", "粤菜"), ("火锅", "火锅"), ("日本料理", "日料"),
        ("外国餐厅", "西餐"), ("西餐", "西餐"), ("上海菜", "本帮菜"), ("浙江菜", "杭帮菜"), ("快餐", "快餐"), ("面", "面馆"),
    ];

    public string DataSource => "amap";

    public bool IsSampleData => false;

    public async ValueTask<IReadOnlyList<MapPlace>> SearchAsync(PlaceSearch search, CancellationToken cancellationToken)
    {
        var keywords = search.NameText ?? search.Cuisine;
        var types = search.Category is not null ? TypeCodes.GetValueOrDefault(search.Category) : null;
        var pois = await Call(() => client.PlaceAroundAsync(
            Gcj02.FromWgs84(search.Center), keywords, types, (int)search.RadiusMeters, Math.Min(search.Limit, 25), cancellationToken)).ConfigureAwait(false);
        return [.. pois.Select(p => ToPlace(p, search.Category))];
    }

    public async ValueTask<MapPlace?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        var pois = await Call(() => client.PlaceDetailAsync(id, cancellationToken)).ConfigureAwait(false);
        return pois.Count == 0 ? null : ToPlace(pois[0], null);
    }

    public async ValueTask<MapPlace?> FindByNameAsync(string text, GeoCoordinate near, CancellationToken cancellationToken)
    {
        var pois = await Call(() => client.PlaceAroundAsync(Gcj02.FromWgs84(near), text, null, 50_000, 5, cancellationToken)).ConfigureAwait(false);
        var best = pois.FirstOrDefault(p => p.Name == text) ?? (pois.Count > 0 ? pois[0] : null);
        return best is null ? null : ToPlace(best, null);
    }

    public async ValueTask<IReadOnlyList<MapRoute>> PlanRoutesAsync(
        GeoCoordinate origin, GeoCoordinate destination, RoutePreference preference, DateTimeOffset localTime, CancellationToken cancellationToken)
    {
        // The multi-route strategies (10–20) answer with up to three paths.
        var strategy = preference switch
        {
            RoutePreference.AvoidCongestion => 12,
            RoutePreference.NoHighway => 13,
            RoutePreference.AvoidToll => 14,
            _ => 10,
        };
        var paths = await Call(() => client.DrivingAsync(Gcj02.FromWgs84(origin), Gcj02.FromWgs84(destination), strategy, cancellationToken)).ConfigureAwait(false);
        return [.. paths.Take(3).Select(ToRoute)];
    }

    internal static MapRoute ToRoute(AmapPath path)
    {
        var roads = path.Steps.Where(s => s.Road.Length > 0)
            .GroupBy(s => s.Road)
            .OrderByDescending(g => g.Sum(s => s.Distance))
            .Take(3)
            .Select(g => g.Key)
            .ToHashSet();
        var traffic = path.Steps.SelectMany(s => s.Traffic).ToList();
        var total = traffic.Sum(t => t.Distance);
        var slow = traffic.Where(t => t.Status == "缓行").Sum(t => t.Distance);
        var jammed = traffic.Where(t => t.Status is "拥堵" or "严重拥堵").Sum(t => t.Distance);
        var congestion = total <= 0 ? Congestion.Unknown
            : jammed / total > 0.2 ? Congestion.Jammed
            : (slow + jammed) / total > 0.2 ? Congestion.Slow
            : Congestion.Free;
        return new MapRoute(
            [.. path.Steps.Select(s => s.Road).Where(roads.Contains).Distinct()],
            path.Distance,
            path.Duration,
            congestion,
            path.Steps.Any(s => s.Road.Contains("高速", StringComparison.Ordinal)),
            path.Tolls > 0 || path.TollDistance > 0,
            [.. path.Steps.SelectMany(s => s.Polyline).Select(Gcj02.ToWgs84)]);
    }

    internal static MapPlace ToPlace(AmapPoi poi, string? category)
    {
        var resolvedCategory = category ?? TypeCodes.FirstOrDefault(t => poi.TypeCode.StartsWith(t.Value[..4], StringComparison.Ordinal)).Key ?? "";
        var cuisine = resolvedCategory == "food" ? CuisineOfType.FirstOrDefault(c => poi.Type.Contains(c.Word, StringComparison.Ordinal)).Cuisine ?? "" : "";
        var price = poi.Cost switch
        {
            null or <= 0 => 0,
            < 50 => 1,
            < 100 => 2,
            < 200 => 3,
            _ => 4,
        };
        return new MapPlace(poi.Id, poi.Name, resolvedCategory, cuisine, Gcj02.ToWgs84(poi.Location), poi.Rating ?? 0, price,
            OpeningHours.Parse(poi.OpenTime), poi.Address, []);
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmapException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, e.Message));
        }
        catch (HttpRequestException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "Amap is unreachable: " + e.Message));
        }
    }
}
