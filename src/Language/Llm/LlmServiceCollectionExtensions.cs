using Car.Language.Llm;
using Car.Language;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the choice of parser (rules, the LLM, or rules then the LLM; section <c>Llm</c>) that
    /// <see cref="LanguageServiceCollectionExtensions.AddCarLanguage"/> serves as the <see cref="IIntentParser"/>,
    /// and the warm-up that evaluates the model's prompt at start. Without a model the rules answer alone.
    /// </summary>
    public static IServiceCollection AddCarLlm(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsAnnotationsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntentParserSelector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, LlmWarmUpService>());
        return services;
    }
}
