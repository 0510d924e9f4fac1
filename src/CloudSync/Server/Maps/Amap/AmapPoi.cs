namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>A POI from Amap's place search (coordinates in GCJ-02, as Amap gives them).</summary>
internal sealed record AmapPoi(
    string Id, string Name, string Type, string TypeCode, string Address, GeoCoordinate Location, double? Distance,
    double? Rating, double? Cost, string OpenTime);
