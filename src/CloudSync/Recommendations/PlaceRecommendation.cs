namespace Car.CloudSync.Recommendations;

/// <summary>Places best first, and where the answer came from.</summary>
public sealed record PlaceRecommendation(IReadOnlyList<PlaceSuggestion> Places, AnswerOrigin Origin);
