using Car.Ota;
using Car.Ota.Download;
using Car.Ota.Health;
using Car.Ota.Install;
using Car.Ota.Store;
using Car.Ota.Verification;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class OtaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the bundle store (section <c>Ota</c>; <paramref name="defaultStore"/> unless <c>Ota:StoreDirectory</c>
    /// is set), the verifier, the installer, activation (health checks, rollback) and the <see cref="IActiveBundle"/>
    /// read from the store. Health checks are added by whoever knows the models (<see cref="IBundleHealthCheck"/>).
    /// </summary>
    public static IServiceCollection AddCarOta(this IServiceCollection services, string defaultStore)
    {
        services.AddOptions<OtaOptions>().BindConfiguration(OtaOptions.SectionName)
            .PostConfigure(o => o.StoreDirectory ??= defaultStore)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OtaOptions>, OtaOptionsAnnotationsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BundleStore>();
        services.TryAddSingleton(sp => new ManifestVerifier(sp.GetRequiredService<IOptions<OtaOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BundleAudit>();
        services.TryAddSingleton<INetworkCondition, InterfaceNetworkCondition>();
        services.TryAddSingleton(sp => new ActiveBundle(
            sp.GetRequiredService<BundleStore>().ReadActiveAsync(CancellationToken.None).GetAwaiter().GetResult()));
        services.TryAddSingleton<IActiveBundle>(sp => sp.GetRequiredService<ActiveBundle>());
        services.TryAddSingleton(sp => new BundleActivation(
            sp.GetRequiredService<BundleStore>(),
            sp.GetServices<IBundleHealthCheck>(),
            sp.GetService<ILogger<BundleActivation>>() ?? NullLogger<BundleActivation>.Instance,
            sp.GetRequiredService<ActiveBundle>()));
        services.TryAddSingleton(sp => new BundleInstaller(
            sp.GetRequiredService<BundleStore>(),
            sp.GetRequiredService<ManifestVerifier>(),
            sp.GetRequiredService<BundleActivation>(),
            sp.GetRequiredService<INetworkCondition>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BundleInstaller>>() ?? NullLogger<BundleInstaller>.Instance,
            sp.GetService<IInstallObserver>()));
        return services;
    }
}
