namespace Car.CloudSync.Recommendations;

/// <summary>What the driver is looking for: a category of the intent contract (food, gas_station…) or a trip theme.</summary>
/// <param name="Kind"><c>place</c> for a search nearby, <c>trip</c> for a route idea.</param>
/// <param name="Category">The contract's category, or null for trips.</param>
/// <param name="Query">The driver's own words (川菜, 星巴克, 自驾), or null.</param>
public sealed record PlaceQuery(string Kind, string? Category, string? Query);
