namespace Car.CloudSync.Recommendations;

/// <summary>A WGS-84 position in degrees, and the heading in degrees clockwise from north when known.</summary>
public sealed record GeoPosition(double Latitude, double Longitude, double? Heading = null);
