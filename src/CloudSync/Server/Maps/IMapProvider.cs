using Car.CloudSync.Contract.V1;

namespace Car.CloudSync.Server.Maps;

/// <summary>Places and routes: the bundled sample city, or a real map web API.</summary>
public interface IMapProvider
{
    /// <summary>Named in every answer's metadata: <c>sample-city</c>, <c>amap</c>.</summary>
    string DataSource { get; }

    /// <summary>True for invented data.</summary>
    bool IsSampleData { get; }

    /// <summary>Places matching the search, nearest first, at most <see cref="PlaceSearch.Limit"/>.</summary>
    ValueTask<IReadOnlyList<MapPlace>> SearchAsync(PlaceSearch search, CancellationToken cancellationToken);

    /// <summary>A place by the id a previous answer gave; null when unknown.</summary>
    ValueTask<MapPlace?> FindByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>A place by name (exact, then contained) near <paramref name="near"/>; null when none.</summary>
    ValueTask<MapPlace?> FindByNameAsync(string text, GeoCoordinate near, CancellationToken cancellationToken);

    /// <summary>Up to three routes, best first for <paramref name="preference"/>, at the car's local time.</summary>
    ValueTask<IReadOnlyList<MapRoute>> PlanRoutesAsync(
        GeoCoordinate origin, GeoCoordinate destination, RoutePreference preference, DateTimeOffset localTime, CancellationToken cancellationToken);
}
