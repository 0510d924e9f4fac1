using Car.Assistant.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>
    /// The whole text path on its embedded defaults: rule parser (with the LLM fallback when a model is configured), policy, dialogue, the offline recommender (unless
    /// a real one is registered first), and the simulated car bound to the <c>Simulator</c> section on the VSS catalog bound to <c>SignalCatalog</c>. Each resolved <see cref="Conversation"/> is a new session.
    /// </summary>
    public static IServiceCollection AddCarAssistant(this IServiceCollection services)
    {
        services.AddCarLlm();
        services.AddCarLanguage();
        services.AddCarPolicy();
        services.AddVehicleSimulator();
        services.AddCarSpeech();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
        services.AddOptions<SignalCatalogOptions>().BindConfiguration(SignalCatalogOptions.SectionName);
        services.AddOfflineRecommender();
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PlaceRecommendations>();
        services.TryAddTransient<Conversation>();
        return services;
    }
}
