using Car.VehicleBus.Broker;
using Car.VehicleBus.Client;
using Car.VehicleBus.Providers;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class BrokerServiceCollectionExtensions
{
    /// <summary>
    /// Runs the kuksa.val.v2 broker over the catalog for the host's lifetime, on <see cref="BrokerOptions.Url"/>
    /// (section <c>Broker</c>); <see cref="BrokerEndpoint"/> tells where it listens.
    /// </summary>
    public static IServiceCollection AddVehicleBroker(this IServiceCollection services)
    {
        services.AddVehicleSignals();
        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrokerOptions>, BrokerOptionsAnnotationsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VehicleBroker>();
        services.TryAddSingleton<BrokerEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, BrokerHostedService>());
        return services;
    }

    /// <summary>
    /// Makes the simulated car a provider of a broker (section <c>SimulatorProvider</c>): the one in this process
    /// unless <see cref="SimulatorProviderOptions.Url"/> names another. Register it after the broker, so it starts after it.
    /// </summary>
    public static IServiceCollection AddSimulatorProvider(this IServiceCollection services)
    {
        services.AddVehicleSimulator();
        services.AddOptions<SimulatorProviderOptions>().BindConfiguration(SimulatorProviderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorProviderOptions>, SimulatorProviderOptionsAnnotationsValidator>());
        services.TryAddSingleton<SimulatorProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, SimulatorProvider>(sp => sp.GetRequiredService<SimulatorProvider>()));
        return services;
    }

    /// <summary>
    /// Makes a kuksa.val.v2 broker the <see cref="IVehicleBus"/> (section <c>BusClient</c>), replacing the in-process
    /// simulator: the assistant then drives whatever car the broker's providers are.
    /// </summary>
    public static IServiceCollection AddKuksaVehicleBus(this IServiceCollection services)
    {
        services.AddVehicleSignals();
        services.AddOptions<KuksaClientOptions>().BindConfiguration(KuksaClientOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KuksaClientOptions>, KuksaClientOptionsAnnotationsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KuksaVehicleBus>();
        services.Replace(ServiceDescriptor.Singleton<IVehicleBus>(sp => sp.GetRequiredService<KuksaVehicleBus>()));
        return services;
    }
}
