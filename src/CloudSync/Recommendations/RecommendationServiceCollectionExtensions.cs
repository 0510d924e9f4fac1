using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class RecommendationServiceCollectionExtensions
{
    /// <summary>Registers the car without a cloud (answers offline at once, reports nothing) unless a cloud is registered already.</summary>
    public static IServiceCollection AddOfflineRecommender(this IServiceCollection services)
    {
        services.TryAddSingleton<IPlaceRecommender, OfflinePlaceRecommender>();
        services.TryAddSingleton<IVehicleEventReporter, UnreportedEvents>();
        services.TryAddSingleton<ICloudStatus, NoCloudStatus>();
        return services;
    }
}
