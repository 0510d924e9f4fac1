using Car.CloudSync.Server.Maps.Amap;

namespace Car.CloudSync.Server.Maps;

/// <summary>Which map answers (<c>Maps:*</c>).</summary>
public sealed class MapOptions
{
    public const string Section = "Maps";

    /// <summary><c>sample</c> (default: the bundled, invented sample city) or <c>amap</c> (needs <c>Maps:Amap:Key</c>).</summary>
    public string Provider { get; set; } = "sample";

    public AmapOptions Amap { get; init; } = new();

    internal bool IsSample => string.Equals(Provider, "sample", StringComparison.OrdinalIgnoreCase);

    internal bool IsAmap => string.Equals(Provider, "amap", StringComparison.OrdinalIgnoreCase);
}
