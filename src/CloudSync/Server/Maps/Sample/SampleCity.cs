using System.Text.Json;

namespace Car.CloudSync.Server.Maps.Sample;

/// <summary>The bundled sample city (invented data, embedded as <c>sample-city.json</c>): places and a road graph.</summary>
internal sealed class SampleCity
{
    private SampleCity(string name, IReadOnlyList<MapPlace> places, RoadGraph roads)
    {
        Name = name;
        Places = places;
        Roads = roads;
        ById = places.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<MapPlace> Places { get; }

    public IReadOnlyDictionary<string, MapPlace> ById { get; }

    public RoadGraph Roads { get; }

    public static SampleCity Load()
    {
        using var stream = typeof(SampleCity).Assembly.GetManifestResourceStream("Car.CloudSync.Server.SampleCity.json")
            ?? throw new InvalidOperationException("The sample city resource is missing from the server assembly.");
        var document = JsonSerializer.Deserialize(stream, SampleCityJsonContext.Default.SampleCityDocument)
            ?? throw new InvalidOperationException("The sample city resource is empty.");
        var nodes = document.Nodes.OrderBy(n => n.Id).Select(n => new GeoCoordinate(n.Lat, n.Lon)).ToArray();
        var edges = new List<RoadEdge>();
        foreach (var e in document.Edges)
        {
            var length = nodes[e.From].DistanceTo(nodes[e.To]);
            var highway = e.Kind == "highway";
            edges.Add(new RoadEdge(e.From, e.To, e.Road, highway, e.Toll, length, e.SpeedKmh / 3.6, e.Busyness));
            edges.Add(new RoadEdge(e.To, e.From, e.Road, highway, e.Toll, length, e.SpeedKmh / 3.6, e.Busyness));
        }

        var places = document.Places.Select(p => new MapPlace(
            p.Id, p.Name, p.Category, p.Cuisine, new GeoCoordinate(p.Lat, p.Lon), p.Rating, p.PriceLevel,
            OpeningHours.Parse(p.Hours), p.Address, p.Themes)).ToList();
        return new SampleCity(document.Name, places, new RoadGraph(nodes, edges));
    }
}
