using Car.Assistant.Hosting.Bundles;
using Car.Language;
using Car.Language.Llm;
using Car.Ota.Bundles;
using Car.Ota.Health;
using Car.Speech;
using Car.Speech.Recognition;
using Car.Speech.Vad;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Hosting;

public static class BundlesAssistantBuilderExtensions
{
    /// <summary>
    /// Loads the models from the active OTA bundle (section <c>Ota</c>, store <paramref name="defaultStore"/>): the NLU
    /// data, the VSS catalog, the LLM, Whisper and the VAD model come from it unless a setting names them
    /// (<c>--model</c>, <c>--asr-model</c> stay developer overrides); the parser swaps to a newly activated bundle without
    /// a restart; the health checks load the models and parse the bundle's self-tests.
    /// </summary>
    public static CarAssistantBuilder UseBundles(this CarAssistantBuilder builder, string defaultStore)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddCarOta(defaultStore);
        services.TryAddSingleton<BundleParserFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBundleHealthCheck, LanguageHealthCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBundleHealthCheck, ModelFilesHealthCheck>());
        services.TryAddSingleton<BundleBootService>();
        services.TryAddSingleton<ActiveBundleWatcher>();

        services.AddOptions<LanguageOptions>().PostConfigure<IConfiguration, IActiveBundle>((o, c, a) =>
        {
            if (c[$"{LanguageOptions.SectionName}:ModelDirectory"] is null && a.Current.DirectoryFor(BundleRoles.Rules) is { } directory)
            {
                o.ModelDirectory = directory;
            }
        });
        services.AddOptions<SignalCatalogOptions>().PostConfigure<IConfiguration, IActiveBundle>((o, c, a) =>
        {
            if (c[$"{SignalCatalogOptions.SectionName}:Directory"] is null && a.Current.DirectoryFor(BundleRoles.Vss) is { } directory)
            {
                o.Directory = directory;
            }
        });
        services.AddOptions<LlmOptions>().PostConfigure<IActiveBundle>((o, a) => o.ModelPath ??= a.Current.PathFor(BundleRoles.Llm));
        services.AddOptions<SpeechRecognitionOptions>().PostConfigure<IActiveBundle>((o, a) => o.ModelPath ??= a.Current.PathFor(BundleRoles.Asr));
        services.AddOptions<VadOptions>().PostConfigure<IActiveBundle>((o, a) => o.ModelPath ??= a.Current.PathFor(BundleRoles.Vad));

        // The parser follows the active bundle; the one the container builds at start answers until the first swap.
        services.TryAddSingleton(sp => new ReloadableIntentParser(
            sp.GetRequiredService<BundleParserFactory>(),
            sp.GetRequiredService<IActiveBundle>(),
            () => sp.GetService<IntentParserSelector>()?.Parser ?? sp.GetRequiredService<RuleParser>(),
            sp.GetRequiredService<ILogger<ReloadableIntentParser>>()));
        services.Replace(ServiceDescriptor.Singleton<IIntentParser>(sp => sp.GetRequiredService<ReloadableIntentParser>()));
        // Whisper too; the VAD and the VSS catalog are read at start (a restart takes a new bundle's).
        services.TryAddSingleton<ReloadableSpeechRecognizer>();
        services.Replace(ServiceDescriptor.Singleton<ISpeechRecognizer>(sp => sp.GetRequiredService<ReloadableSpeechRecognizer>()));
        return builder;
    }

    /// <summary>
    /// For the long-running car (the interactive session, <c>car serve</c>): crash-loop counting and the health check of
    /// a newly activated bundle at start, then following the store so that an install by another process swaps models,
    /// and reporting the install log to the cloud.
    /// </summary>
    public static IServiceCollection AddBundleBoot(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<BundleBootService>());
        services.AddHostedService(sp => sp.GetRequiredService<ActiveBundleWatcher>());
        services.AddHostedService<BundleUpdateReporter>();
        return services;
    }
}
