using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>Registers the in-memory simulated car as the <see cref="IVehicleBus"/>.</summary>
    public static IServiceCollection AddVehicleSimulator(
        this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VehicleSimulator>();
        services.TryAddSingleton<IVehicleBus>(sp => sp.GetRequiredService<VehicleSimulator>());
        return services;
    }
}
