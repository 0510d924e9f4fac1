namespace Car.CloudSync.Server.Maps;

/// <summary>What to look for around <see cref="Center"/>: any of category, cuisine and a name fragment.</summary>
public sealed record PlaceSearch(
    GeoCoordinate Center, string? Category, string? Cuisine, string? NameText, double RadiusMeters, int Limit);
