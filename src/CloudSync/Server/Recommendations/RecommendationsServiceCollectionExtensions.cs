using Car.CloudSync.Server.Recommendations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class RecommendationsServiceCollectionExtensions
{
    /// <summary>What the Recommendations service needs besides the map and the store.</summary>
    public static IServiceCollection AddPlaceRecommendations(this IServiceCollection services)
    {
        services.TryAddSingleton<AnswerStamp>();
        services.TryAddSingleton<DestinationResolver>();
        services.TryAddSingleton<TripPlanner>();
        return services;
    }
}
