using Car.Language;
using Car.Language.Gazetteers;
using Car.Language.Llm;
using Car.Language.Model;
using Car.Ota.Bundles;
using Car.Ota.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// Builds the intent parser (rules over the bundle's NLU data, the LLM fallback on the bundle's model) from one
/// bundle, with the configured settings; <c>--model</c> (<c>Llm:ModelPath</c>) stays a developer override.
/// </summary>
internal sealed class BundleParserFactory(
    IOptions<LanguageOptions> language,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers,
    Gazetteer names)
{
    public ModelGeneration<IIntentParser> Build(InstalledBundle bundle, bool withLlm = true)
    {
        var nluDirectory = bundle.DirectoryFor(BundleRoles.Rules)
            ?? throw new NluModelException($"The bundle (version {bundle.Version}) has no NLU rules.");
        var languageSettings = language.Value;
        var settings = new LanguageOptions
        {
            ModelDirectory = nluDirectory,
            MaxUtteranceLength = languageSettings.MaxUtteranceLength,
            WordSegmentation = languageSettings.WordSegmentation,
            SoundAlikeRepair = languageSettings.SoundAlikeRepair,
            CacheDirectory = languageSettings.CacheDirectory,
        };
        var model = NluModel.Load(nluDirectory);
        var resources = new RuleParserResourcesLoader(Options.Create(settings), model, loggers.CreateLogger<RuleParserResourcesLoader>(), names).Load();
        var rules = new RuleParser(model, settings.MaxUtteranceLength, resources);
        if (!withLlm)
        {
            return new ModelGeneration<IIntentParser>(rules, bundle.Version, null);
        }

        // The configured LLM settings, bound afresh (every setting, including ones added later), pointed at this bundle's model.
        var configured = new LlmOptions();
        configuration.GetSection(LlmOptions.SectionName).Bind(configured);
        configured.ModelPath = configuration[$"{LlmOptions.SectionName}:ModelPath"] is { Length: > 0 } overridden
            ? overridden
            : bundle.PathFor(BundleRoles.Llm);
        var selector = new IntentParserSelector(rules, model, Options.Create(configured), time, loggers.CreateLogger<IntentParserSelector>());
        try
        {
            return new ModelGeneration<IIntentParser>(selector.Parser, bundle.Version, selector);
        }
        catch
        {
            selector.Dispose();
            throw;
        }
    }
}
