using Car.Assistant.Hosting;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Microsoft.Extensions.DependencyInjection;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>
    /// The text path on its embedded defaults: the language (rules over models/nlu), the policy, the dialogue, the
    /// offline recommender (unless a real one is registered first) and the simulated car bound to the
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
        services.AddOfflineRecommender();
        return new CarAssistantBuilder(services);
    }
}
