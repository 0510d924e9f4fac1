using Car.CloudSync.Recommendations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class RecommendationServiceCollectionExtensions
{
    /// <summary>Registers the offline recommender unless a real one is registered already.</summary>
    public static IServiceCollection AddOfflineRecommender(this IServiceCollection services)
    {
        services.TryAddSingleton<IPlaceRecommender, OfflinePlaceRecommender>();
        return services;
    }
}
