using Car.Ota;
using Car.Ota.Download;
using Car.Ota.Health;
using Car.Ota.Install;
using Car.Ota.Store;
using Car.Ota.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli.Models;

/// <summary>The OTA pieces for one <c>car models</c> command, on the store that <c>--store</c> names (else the configured one).</summary>
internal sealed class BundleTools
{
    private BundleTools(IHost host, DirectoryInfo? storeDirectory, IInstallObserver? observer)
    {
        var services = host.Services;
        var configured = services.GetRequiredService<IOptions<OtaOptions>>().Value;
        Options = storeDirectory is null ? configured : WithStore(configured, storeDirectory.FullName);
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        Store = new BundleStore(Microsoft.Extensions.Options.Options.Create(Options), time);
        Verifier = new ManifestVerifier(Options, time);
        Audit = new BundleAudit(Store, Verifier);
        Activation = new BundleActivation(Store, services.GetServices<IBundleHealthCheck>(), loggers.CreateLogger<BundleActivation>(),
            storeDirectory is null ? services.GetRequiredService<ActiveBundle>() : null);
        Installer = new BundleInstaller(Store, Verifier, Activation, services.GetRequiredService<INetworkCondition>(), time,
            loggers.CreateLogger<BundleInstaller>(), observer);
    }

    public OtaOptions Options { get; }

    public BundleStore Store { get; }

    public ManifestVerifier Verifier { get; }

    public BundleAudit Audit { get; }

    public BundleActivation Activation { get; }

    public BundleInstaller Installer { get; }

    public static BundleTools Create(IHost host, DirectoryInfo? store, IInstallObserver? observer = null) => new(host, store, observer);

    /// <summary>A folder, or an http(s) address served by the reference cloud server.</summary>
    public IBundleSource Source(string from, HttpClient client) =>
        Uri.TryCreate(from, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new HttpBundleSource(client, uri, Options.Download)
            : new DirectoryBundleSource(from);

    private static OtaOptions WithStore(OtaOptions options, string store)
    {
        var copy = new OtaOptions
        {
            StoreDirectory = store,
            FactoryDirectory = options.FactoryDirectory,
            BundleName = options.BundleName,
            Threshold = options.Threshold,
            AppVersion = options.AppVersion,
            MaxBootAttempts = options.MaxBootAttempts,
            MaxStoreBytes = options.MaxStoreBytes,
            Download = options.Download,
        };
        foreach (var key in options.TrustedKeys)
        {
            copy.TrustedKeys.Add(key);
        }

        return copy;
    }
}
