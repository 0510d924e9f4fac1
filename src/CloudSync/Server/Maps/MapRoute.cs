using Car.CloudSync.Contract.V1;

namespace Car.CloudSync.Server.Maps;

/// <summary>One way to drive there.</summary>
public sealed record MapRoute(
    IReadOnlyList<string> Roads,
    double DistanceMeters,
    int DurationSeconds,
    Congestion Congestion,
    bool UsesHighway,
    bool HasTolls,
    IReadOnlyList<GeoCoordinate> Path);
