using Car.CloudSync.Server.Maps;
using Car.CloudSync.Server.Maps.Amap;
using Car.CloudSync.Server.Maps.Sample;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class MapServiceCollectionExtensions
{
    /// <summary>The map chosen by <c>Maps:Provider</c>: the bundled sample city (default) or Amap.</summary>
    public static IServiceCollection AddCloudMaps(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<MapOptions>()
            .Bind(section)
            .Validate(o => o.IsSample || o.IsAmap, "Maps:Provider must be 'sample' or 'amap'.")
            .Validate(o => !o.IsAmap || !string.IsNullOrWhiteSpace(o.Amap.Key), "Maps:Provider is 'amap' but Maps:Amap:Key is empty.")
            .Validate(o => o.Amap.BaseUrl.IsAbsoluteUri, "Maps:Amap:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => SampleCity.Load());
        services.TryAddSingleton<SampleMapProvider>();
        services.AddHttpClient<AmapClient>();
        services.TryAddSingleton<IMapProvider>(provider =>
            provider.GetRequiredService<IOptions<MapOptions>>().Value.IsAmap
                ? new AmapMapProvider(provider.GetRequiredService<AmapClient>())
                : provider.GetRequiredService<SampleMapProvider>());
        return services;
    }
}
