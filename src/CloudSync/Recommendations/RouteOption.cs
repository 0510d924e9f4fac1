namespace Car.CloudSync.Recommendations;

/// <summary>One way to get there.</summary>
/// <param name="Summary">The roads to read aloud (经解放路、二环高架).</param>
public sealed record RouteOption(
    string Summary, double DistanceMeters, TimeSpan Duration, CongestionLevel Congestion, bool UsesHighway, bool HasTolls);
