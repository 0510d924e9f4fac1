using Car.Assistant.Policy;

namespace Car.Assistant.Dialogue;

/// <summary>Suggestions offered (to pick from next), or why there are none.</summary>
public sealed record RecommendationOutcome(string Reply, string? Ask, IReadOnlyList<string> Offer, Refusal? Refusal);
