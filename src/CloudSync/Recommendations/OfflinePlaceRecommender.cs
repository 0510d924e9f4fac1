namespace Car.CloudSync.Recommendations;

/// <summary>The recommender of a car with no cloud endpoint configured: it says so every time.</summary>
public sealed class OfflinePlaceRecommender : IPlaceRecommender
{
    public Task<IReadOnlyList<PlaceSuggestion>> RecommendAsync(PlaceQuery query, CancellationToken cancellationToken = default) =>
        Task.FromException<IReadOnlyList<PlaceSuggestion>>(new RecommenderUnavailableException("No cloud endpoint is configured."));
}
