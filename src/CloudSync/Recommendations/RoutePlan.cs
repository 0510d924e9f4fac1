namespace Car.CloudSync.Recommendations;

/// <summary>Where the routes go and the alternatives, best first for the preference asked.</summary>
public sealed record RoutePlan(PlaceSuggestion Destination, IReadOnlyList<RouteOption> Routes, AnswerOrigin Origin);
