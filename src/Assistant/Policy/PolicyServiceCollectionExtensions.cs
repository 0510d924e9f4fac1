using Car.Assistant.Policy.Safety;
using Car.Assistant.Policy;
using Car.Language.Gazetteers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy rules, the decision maker, the safety envelope (limits settings can only tighten), the
    /// executor that sends actions to the bus, the supervisor that keeps openings inside the envelope, and the phone
    /// book calls are checked against (the contacts of the gazetteer files).
    /// </summary>
    public static IServiceCollection AddCarPolicy(this IServiceCollection services)
    {
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyOptions>, PolicyOptionsAnnotationsValidator>());
        services.AddOptions<ActionExecutorOptions>().BindConfiguration(ActionExecutorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActionExecutorOptions>, ActionExecutorOptionsAnnotationsValidator>());
        services.TryAddEnumerable(PolicyRules.CreateDefault().Select(rule => ServiceDescriptor.Singleton(rule)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>());
        services.TryAddSingleton<SafetyEnvelope>();
        services.TryAddSingleton<SafetyAnnouncements>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, OpeningSupervisor>());
        services.TryAddSingleton<AssistantPolicy>();
        services.TryAddSingleton<ActionExecutor>();
        services.TryAddSingleton(sp => new PhoneBook(sp.GetService<Gazetteer>() ?? Gazetteer.Empty));
        return services;
    }
}
