namespace Car.CloudSync.Recommendations;

/// <summary>Trip ideas best first, and where the answer came from.</summary>
public sealed record TripRecommendation(IReadOnlyList<TripSuggestion> Trips, AnswerOrigin Origin);
