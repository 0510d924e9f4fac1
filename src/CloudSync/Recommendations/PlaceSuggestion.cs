namespace Car.CloudSync.Recommendations;

/// <summary>One place the driver can pick and navigate to.</summary>
/// <param name="Reason">A short reason to read aloud (您常去的川菜馆，距离1.2公里).</param>
/// <param name="PriceLevel">1 (cheap) to 4 (expensive), 0 when unknown.</param>
public sealed record PlaceSuggestion(
    string Id,
    string Name,
    string Category,
    string? Cuisine,
    GeoPosition Position,
    double DistanceMeters,
    TimeSpan Eta,
    double Rating,
    int PriceLevel,
    bool OpenNow,
    string Reason);
