using Car.VehicleBus.Signals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="SignalCatalog"/> read from the VSS files that <see cref="SignalCatalogOptions"/> name
    /// (<c>models/vss</c> beside the program by default), loaded once on first use.
    /// </summary>
    public static IServiceCollection AddVehicleSignals(
        this IServiceCollection services, Action<SignalCatalogOptions>? configure = null)
    {
        var options = services.AddOptions<SignalCatalogOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignalCatalogOptions>, SignalCatalogOptionsAnnotationsValidator>());
        services.TryAddSingleton(sp => SignalCatalogLoader.Load(sp.GetRequiredService<IOptions<SignalCatalogOptions>>().Value));
        return services;
    }
}
