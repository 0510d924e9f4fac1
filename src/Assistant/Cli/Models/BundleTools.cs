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

/// <summary>
/// The OTA pieces for one <c>car models</c> command, from the host: its store is the one <c>--store</c> names (the
/// command line sets <c>Ota:StoreDirectory</c> before the host is built), else the configured one.
/// </summary>
internal sealed class BundleTools
{
    private BundleTools(IHost host, IInstallObserver? observer)
    {
        var services = host.Services;
        Options = services.GetRequiredService<IOptions<OtaOptions>>().Value;
        Store = services.GetRequiredService<BundleStore>();
        Verifier = services.GetRequiredService<ManifestVerifier>();
        Audit = services.GetRequiredService<BundleAudit>();
        Activation = services.GetRequiredService<BundleActivation>();
        Installer = observer is null
            ? services.GetRequiredService<BundleInstaller>()
            : new BundleInstaller(Store, Verifier, Activation, services.GetRequiredService<INetworkCondition>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger<BundleInstaller>(), observer);
    }

    public OtaOptions Options { get; }

    public BundleStore Store { get; }

    public ManifestVerifier Verifier { get; }

    public BundleAudit Audit { get; }

    public BundleActivation Activation { get; }

    public BundleInstaller Installer { get; }

    public static BundleTools Create(IHost host, IInstallObserver? observer = null) => new(host, observer);

    /// <summary>A folder, or an http(s) address served by the reference cloud server.</summary>
    public IBundleSource Source(string from, HttpClient client) =>
        Uri.TryCreate(from, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new HttpBundleSource(client, uri, Options.Download)
            : new DirectoryBundleSource(from);
}
