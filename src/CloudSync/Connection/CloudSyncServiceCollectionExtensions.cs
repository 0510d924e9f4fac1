using Car.CloudSync.Connection;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class CloudSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers the car's cloud from the <c>Cloud</c> section, validated at start. With <c>Cloud:Endpoint</c> set: the
    /// gRPC recommender (with its cache), the outbox reporter and its delivery service, and the status; without it, the
    /// car with no cloud (<see cref="RecommendationServiceCollectionExtensions.AddOfflineRecommender"/>). The choice is
    /// made when the services are first resolved, so options configured in code count too.
    /// </summary>
    public static IServiceCollection AddCloudSync(this IServiceCollection services)
    {
        services.AddOptions<CloudOptions>().BindConfiguration(CloudOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CloudOptions>, CloudOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new CloudConnection(sp.GetRequiredService<IOptions<CloudOptions>>()));
        services.TryAddSingleton(sp => new AnswerCache(Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new Outbox(Options(sp)));
        services.TryAddSingleton(sp => new GrpcPlaceRecommender(
            sp.GetRequiredService<IOptions<CloudOptions>>(),
            sp.GetRequiredService<CloudConnection>(),
            sp.GetRequiredService<AnswerCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GrpcPlaceRecommender>>()));

        services.TryAddSingleton<IPlaceRecommender>(sp =>
            HasCloud(sp) ? sp.GetRequiredService<GrpcPlaceRecommender>() : new OfflinePlaceRecommender());
        services.TryAddSingleton<IVehicleEventReporter>(sp =>
            HasCloud(sp) ? new OutboxEventReporter(sp.GetRequiredService<Outbox>()) : new UnreportedEvents());
        services.TryAddSingleton<ICloudStatus>(sp => HasCloud(sp)
            ? new CloudStatus(
                sp.GetRequiredService<CloudConnection>(),
                sp.GetRequiredService<Outbox>(),
                sp.GetRequiredService<AnswerCache>(),
                sp.GetRequiredService<IOptions<CloudOptions>>(),
                sp.GetRequiredService<TimeProvider>())
            : new NoCloudStatus());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDelivery>(sp => new OutboxDelivery(
            HasCloud(sp) ? sp.GetRequiredService<Outbox>() : null,
            HasCloud(sp) ? sp.GetRequiredService<CloudConnection>() : null,
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxDelivery>>())));
        return services;
    }

    private static CloudOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CloudOptions>>().Value;

    private static bool HasCloud(IServiceProvider services) => Options(services).Endpoint is not null;
}
