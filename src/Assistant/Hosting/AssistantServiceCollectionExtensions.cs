using Car.Assistant.Hosting;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Microsoft.Extensions.DependencyInjection;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>
    /// The text path on its embedded defaults: the language (rules over models/nlu), the policy, the dialogue, the
    /// cloud client (Cloud section; offline when no endpoint is set) and the simulated car bound to the
    /// <c>Simulator</c> section, on the VSS catalog of the <c>SignalCatalog</c> section (models/vss). The returned builder adds the optional parts (<c>UseLlm</c>, <c>UseSpeech</c>).
    /// </summary>
    public static CarAssistantBuilder AddCarAssistant(this IServiceCollection services)
    {
        services.AddCarLanguage();
        services.AddCarPolicy();
        services.AddCarDialogue();
        services.AddOptions<SignalCatalogOptions>().BindConfiguration(SignalCatalogOptions.SectionName);
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
        services.AddVehicleSimulator();
        // The cloud when Cloud:Endpoint is set, else the car without one (answers offline at once, reports nothing).
        services.AddCloudSync();
        services.AddOfflineRecommender();
        return new CarAssistantBuilder(services);
    }
}
