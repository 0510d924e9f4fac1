using Car.CloudSync.Server.Maps;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>A candidate with what the ranking saw in it.</summary>
internal sealed record RankedPlace(MapPlace Place, double DistanceMeters, bool OpenNow, double Score, string Reason);
