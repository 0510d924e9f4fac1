using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-memory simulated car as the <see cref="IVehicleBus"/>, on the catalog from
    /// <see cref="SignalsServiceCollectionExtensions.AddVehicleSignals"/>; its start values are checked at start.
    /// </summary>
    public static IServiceCollection AddVehicleSimulator(
        this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        services.AddVehicleSignals();
        var options = services.AddOptions<SimulatorOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VehicleSimulator>();
        services.TryAddSingleton<IVehicleBus>(sp => sp.GetRequiredService<VehicleSimulator>());
        return services;
    }
}
