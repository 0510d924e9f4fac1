namespace Car.CloudSync.Server.Maps;

/// <summary>WGS-84 degrees.</summary>
public readonly record struct GeoCoordinate(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_000;

    /// <summary>Great-circle distance in meters.</summary>
    public double DistanceTo(GeoCoordinate other)
    {
        var dLat = double.DegreesToRadians(other.Latitude - Latitude);
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(Latitude)) * Math.Cos(double.DegreesToRadians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
