using Car.Assistant.Language;
using Car.Assistant.Language.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>Registers the language data (models/nlu) and the rule parser as the <see cref="IIntentParser"/>.</summary>
    public static IServiceCollection AddCarLanguage(this IServiceCollection services)
    {
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => NluModel.Load(sp.GetRequiredService<IOptions<LanguageOptions>>().Value.ModelDirectory));
        services.TryAddSingleton(sp => new RuleParser(
            sp.GetRequiredService<NluModel>(),
            sp.GetRequiredService<IOptions<LanguageOptions>>().Value.MaxUtteranceLength));
        services.TryAddSingleton<IIntentParser>(sp => sp.GetRequiredService<RuleParser>());
        return services;
    }
}
