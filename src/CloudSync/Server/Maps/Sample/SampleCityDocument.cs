using System.Text.Json.Serialization;

namespace Car.CloudSync.Server.Maps.Sample;

/// <summary>The shape of <c>sample-city.json</c> (written by <c>generate_sample_city.py</c>).</summary>
internal sealed class SampleCityDocument
{
    public string Name { get; set; } = "";
    public List<NodeDto> Nodes { get; set; } = [];
    public List<EdgeDto> Edges { get; set; } = [];
    public List<PlaceDto> Places { get; set; } = [];

    internal sealed class NodeDto
    {
        public int Id { get; set; }
        public double Lat { get; set; }
        public double Lon { get; set; }
    }

    internal sealed class EdgeDto
    {
        public int From { get; set; }
        public int To { get; set; }
        public string Road { get; set; } = "";
        public string Kind { get; set; } = "";
        public double SpeedKmh { get; set; }
        public double Busyness { get; set; }
        public bool Toll { get; set; }
    }

    internal sealed class PlaceDto
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Category { get; set; } = "";
        public string Cuisine { get; set; } = "";
        public double Lat { get; set; }
        public double Lon { get; set; }
        public double Rating { get; set; }
        public int PriceLevel { get; set; }
        public string Hours { get; set; } = "";
        public string Address { get; set; } = "";
        public List<string> Themes { get; set; } = [];
    }
}

[JsonSerializable(typeof(SampleCityDocument))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class SampleCityJsonContext : JsonSerializerContext;
