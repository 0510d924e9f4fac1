namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>One driving path from Amap's direction API (polyline in GCJ-02).</summary>
internal sealed record AmapPath(
    double Distance, int Duration, double Tolls, double TollDistance, IReadOnlyList<AmapStep> Steps);
