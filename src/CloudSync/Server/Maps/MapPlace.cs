namespace Car.CloudSync.Server.Maps;

/// <summary>A place as a map provider knows it.</summary>
public sealed record MapPlace(
    string Id,
    string Name,
    string Category,
    string Cuisine,
    GeoCoordinate Position,
    double Rating,
    int PriceLevel,
    OpeningHours Hours,
    string Address,
    IReadOnlyList<string> Themes);
