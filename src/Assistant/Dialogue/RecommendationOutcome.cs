using Car.Assistant.Policy;

namespace Car.Assistant.Dialogue;

/// <summary>What the recommender's answer gives the turn: the reply, the question (要去第几个？), the list offered, or why none.</summary>
public sealed record RecommendationOutcome(string Reply, string? Ask, OfferedChoices? Offer, Refusal? Refusal);
