using Car.Language.Llm;
using Car.Language.Model;
using Car.Language;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the language data (models/nlu), the rule parser and the <see cref="IIntentParser"/>: the rules, or
    /// the parser <see cref="LlmServiceCollectionExtensions.AddCarLlm"/> chooses when that is registered too (in either order).
    /// </summary>
    public static IServiceCollection AddCarLanguage(this IServiceCollection services)
    {
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => NluModel.Load(sp.GetRequiredService<IOptions<LanguageOptions>>().Value.ModelDirectory));
        services.TryAddSingleton(sp => new RuleParser(
            sp.GetRequiredService<NluModel>(),
            sp.GetRequiredService<IOptions<LanguageOptions>>().Value.MaxUtteranceLength));
        services.TryAddSingleton<IIntentParser>(sp =>
            sp.GetService<IntentParserSelector>()?.Parser ?? sp.GetRequiredService<RuleParser>());
        return services;
    }
}
