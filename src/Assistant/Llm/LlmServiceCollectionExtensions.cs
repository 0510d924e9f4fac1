using Car.Assistant.Language;
using Car.Assistant.Llm;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the parser choice (rules, LLM, or rules then LLM) as the <see cref="IIntentParser"/>. Call before
    /// <see cref="LanguageServiceCollectionExtensions.AddCarLanguage"/>, which otherwise registers the rules alone.
    /// </summary>
    public static IServiceCollection AddCarLlm(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IntentParserSelector>();
        services.TryAddSingleton<IIntentParser>(sp => sp.GetRequiredService<IntentParserSelector>().Parser);
        services.AddHostedService<LlmWarmUpService>();
        return services;
    }
}
