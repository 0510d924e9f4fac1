namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>
/// Amap speaks GCJ-02 (China's offset datum); the car speaks WGS-84. The usual published approximation, good to a
/// metre or two inside China; outside China the two are the same.
/// </summary>
internal static class Gcj02
{
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;

    public static GeoCoordinate FromWgs84(GeoCoordinate wgs)
    {
        if (!InChina(wgs))
        {
            return wgs;
        }

        var (dLat, dLon) = Offset(wgs);
        return new GeoCoordinate(wgs.Latitude + dLat, wgs.Longitude + dLon);
    }

    public static GeoCoordinate ToWgs84(GeoCoordinate gcj)
    {
        if (!InChina(gcj))
        {
            return gcj;
        }

        // One fixed-point step: the offset barely changes over the few hundred metres it moves the point.
        var (dLat, dLon) = Offset(gcj);
        var guess = new GeoCoordinate(gcj.Latitude - dLat, gcj.Longitude - dLon);
        (dLat, dLon) = Offset(guess);
        return new GeoCoordinate(gcj.Latitude - dLat, gcj.Longitude - dLon);
    }

    private static bool InChina(GeoCoordinate c) => c.Longitude is > 72.004 and < 137.8347 && c.Latitude is > 0.8293 and < 55.8271;

    private static (double DLat, double DLon) Offset(GeoCoordinate c)
    {
        var x = c.Longitude - 105.0;
        var y = c.Latitude - 35.0;
        var dLat = TransformLat(x, y);
        var dLon = TransformLon(x, y);
        var radLat = c.Latitude / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - (Ee * magic * magic);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLon);
    }

    private static double TransformLat(double x, double y)
    {
        var r = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)));
        r += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        r += ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0;
        r += ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        return r;
    }

    private static double TransformLon(double x, double y)
    {
        var r = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)));
        r += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        r += ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0;
        r += ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        return r;
    }
}
