namespace Car.CloudSync.Recommendations;

/// <summary>Recommends places and trips tuned to the owner's habits (the cloud service, or nothing when offline).</summary>
public interface IPlaceRecommender
{
    /// <summary>Up to a few suggestions, best first.</summary>
    /// <exception cref="RecommenderUnavailableException">The service cannot be reached or answered too late.</exception>
    Task<IReadOnlyList<PlaceSuggestion>> RecommendAsync(PlaceQuery query, CancellationToken cancellationToken = default);
}
