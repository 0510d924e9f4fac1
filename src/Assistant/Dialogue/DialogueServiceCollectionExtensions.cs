using Car.Assistant.Dialogue;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DialogueServiceCollectionExtensions
{
    /// <summary>
    /// Registers the conversation (each resolved <see cref="Conversation"/> is a new session) and the place
    /// recommendations it reads out, and the voice session's <see cref="TalkButton"/>. The parser, the policy, the bus and the recommender come from their own AddXxx.
    /// </summary>
    public static IServiceCollection AddCarDialogue(this IServiceCollection services)
    {
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationOptions>, RecommendationOptionsAnnotationsValidator>());
        services.AddCarTelemetry();
        services.TryAddSingleton<PlaceRecommendations>();
        services.TryAddSingleton<CloudNavigation>();
        services.TryAddSingleton<VehicleEventLog>();
        services.TryAddTransient<Conversation>();
        services.TryAddSingleton<CompleteRequestJudge>();
        // One talk button for the process: the voice session's console keys and the dashboard press the same one.
        services.TryAddSingleton<TalkButton>();
        return services;
    }
}
