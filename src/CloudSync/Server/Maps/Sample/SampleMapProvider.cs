using Car.CloudSync.Contract.V1;

namespace Car.CloudSync.Server.Maps.Sample;

/// <summary>Answers from the bundled sample city; everything it says is labelled sample data.</summary>
internal sealed class SampleMapProvider(SampleCity city) : IMapProvider
{
    public string DataSource => "sample-city";

    public bool IsSampleData => true;

    public ValueTask<IReadOnlyList<MapPlace>> SearchAsync(PlaceSearch search, CancellationToken cancellationToken)
    {
        var found = city.Places
            .Where(p => search.Category is null || p.Category == search.Category)
            .Where(p => search.Cuisine is null || p.Cuisine == search.Cuisine)
            .Where(p => search.NameText is null
                || p.Name.Contains(search.NameText, StringComparison.Ordinal)
                || p.Themes.Contains(search.NameText))
            .Select(p => (Place: p, Distance: p.Position.DistanceTo(search.Center)))
            .Where(p => p.Distance <= search.RadiusMeters)
            .OrderBy(p => p.Distance)
            .Take(search.Limit)
            .Select(p => p.Place)
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<MapPlace>>(found);
    }

    public ValueTask<MapPlace?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(city.ById.GetValueOrDefault(id));

    public ValueTask<MapPlace?> FindByNameAsync(string text, GeoCoordinate near, CancellationToken cancellationToken)
    {
        var exact = city.Places.Where(p => p.Name == text);
        var contained = city.Places.Where(p => p.Name.Contains(text, StringComparison.Ordinal) || text.Contains(p.Name, StringComparison.Ordinal));
        var place = exact.MinBy(p => p.Position.DistanceTo(near)) ?? contained.MinBy(p => p.Position.DistanceTo(near));
        return ValueTask.FromResult(place);
    }

    public ValueTask<IReadOnlyList<MapRoute>> PlanRoutesAsync(
        GeoCoordinate origin, GeoCoordinate destination, RoutePreference preference, DateTimeOffset localTime, CancellationToken cancellationToken) =>
        ValueTask.FromResult(city.Roads.Plan(origin, destination, preference, localTime.Hour));
}
