using Car.Language.Llm;
using Car.Language.Model;
using Car.Language;
using Car.Language.Gazetteers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the language data (models/nlu), what the rule parser leans on (jieba's words, gazetteers, sound-alikes), the rule parser and the <see cref="IIntentParser"/>: the rules, or
    /// the parser <see cref="LlmServiceCollectionExtensions.AddCarLlm"/> chooses when that is registered too (in either order).
    /// </summary>
    public static IServiceCollection AddCarLanguage(this IServiceCollection services)
    {
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LanguageOptions>, LanguageOptionsAnnotationsValidator>());
        services.TryAddSingleton(sp => NluModel.Load(sp.GetRequiredService<IOptions<LanguageOptions>>().Value.ModelDirectory));
        // The owner's names, read once: the parser's resources, every bundle's parser and the phone book share them.
        services.TryAddSingleton(sp => RuleParserResourcesLoader.ReadNames(sp.GetRequiredService<IOptions<LanguageOptions>>().Value));
        services.TryAddSingleton(sp => new RuleParserResourcesLoader(
            sp.GetRequiredService<IOptions<LanguageOptions>>(),
            sp.GetRequiredService<NluModel>(),
            sp.GetService<ILogger<RuleParserResourcesLoader>>() ?? NullLogger<RuleParserResourcesLoader>.Instance,
            sp.GetRequiredService<Gazetteer>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<RuleParserResourcesLoader>().Load());
        services.TryAddSingleton(sp => new RuleParser(
            sp.GetRequiredService<NluModel>(),
            sp.GetRequiredService<IOptions<LanguageOptions>>().Value.MaxUtteranceLength,
            sp.GetRequiredService<RuleParserResources>()));
        services.TryAddSingleton<IIntentParser>(sp =>
            sp.GetService<IntentParserSelector>()?.Parser ?? sp.GetRequiredService<RuleParser>());
        return services;
    }
}
