namespace Car.CloudSync.Recommendations;

/// <summary>The recommender of a car with no cloud endpoint configured: it says so every time, at once.</summary>
public sealed class OfflinePlaceRecommender : IPlaceRecommender
{
    private const string NoEndpoint = "No cloud endpoint is configured.";

    public Task<PlaceRecommendation> RecommendPlacesAsync(PlaceQuery query, CancellationToken cancellationToken = default) =>
        Task.FromException<PlaceRecommendation>(new RecommenderUnavailableException(NoEndpoint));

    public Task<RoutePlan> PlanRouteAsync(RouteQuery query, CancellationToken cancellationToken = default) =>
        Task.FromException<RoutePlan>(new RecommenderUnavailableException(NoEndpoint));

    public Task<TripRecommendation> RecommendTripsAsync(TripQuery query, CancellationToken cancellationToken = default) =>
        Task.FromException<TripRecommendation>(new RecommenderUnavailableException(NoEndpoint));
}
