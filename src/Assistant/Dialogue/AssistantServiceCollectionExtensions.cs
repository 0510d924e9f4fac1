using Car.Assistant.Dialogue;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>
    /// The whole text path on its embedded defaults: rule parser, policy, dialogue, and the simulated car bound
    /// to the <c>Simulator</c> section. Each resolved <see cref="Conversation"/> is a new session.
    /// </summary>
    public static IServiceCollection AddCarAssistant(this IServiceCollection services)
    {
        services.AddCarLanguage();
        services.AddCarPolicy();
        services.AddVehicleSimulator();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
        services.TryAddTransient<Conversation>();
        return services;
    }
}
