namespace Car.CloudSync.Recommendations;

/// <summary>One trip: its stops in order, its length and why it is suggested.</summary>
public sealed record TripSuggestion(
    string Id, string Title, string Theme, int Days, IReadOnlyList<PlaceSuggestion> Stops, double DistanceMeters, string Reason);
