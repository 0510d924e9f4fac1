namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>A step of a driving path: the road, its length, its polyline and the traffic statuses along it.</summary>
internal sealed record AmapStep(
    string Road, double Distance, double TollDistance, IReadOnlyList<GeoCoordinate> Polyline, IReadOnlyList<(string Status, double Distance)> Traffic);
