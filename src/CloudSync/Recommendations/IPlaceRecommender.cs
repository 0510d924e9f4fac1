namespace Car.CloudSync.Recommendations;

/// <summary>
/// Places, routes and trips tuned to the owner's habits: the cloud service (through a cache when the link is down),
/// or nothing at all when no cloud is configured.
/// </summary>
public interface IPlaceRecommender
{
    /// <summary>Places near the car, best first for this owner.</summary>
    /// <exception cref="RecommenderUnavailableException">No cloud, no connection and nothing cached, or no answer in time.</exception>
    Task<PlaceRecommendation> RecommendPlacesAsync(PlaceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Route alternatives to a place or to the driver's words (公司, 机场), best first for the preference.</summary>
    /// <exception cref="RecommenderUnavailableException">No cloud, no connection and nothing cached, or no answer in time.</exception>
    Task<RoutePlan> PlanRouteAsync(RouteQuery query, CancellationToken cancellationToken = default);

    /// <summary>Trip ideas for a theme.</summary>
    /// <exception cref="RecommenderUnavailableException">No cloud, no connection and nothing cached, or no answer in time.</exception>
    Task<TripRecommendation> RecommendTripsAsync(TripQuery query, CancellationToken cancellationToken = default);
}
