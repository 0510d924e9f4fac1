using Car.Ota.Bundles;
using Car.Ota.Download;
using Car.Ota.Health;
using Car.Ota.Install;
using Car.Ota.Signing;
using Car.Ota.Store;
using Car.Ota.Verification;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Car.Ota.Tests;

/// <summary>A fresh store in a temporary folder, a factory bundle, real Ed25519 keys, and bundles packed from random files.</summary>
internal sealed class OtaHarness : IDisposable
{
    public OtaHarness(int threshold = 1, long maxStoreBytes = 0, Action<OtaOptions>? configure = null)
    {
        Root = Directory.CreateTempSubdirectory("car-ota-test-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "factory", "nlu"));
        File.WriteAllText(Path.Combine(Root, "factory", "nlu", "rules.json"), "{}");
        Key = SigningKey.Generate("release");
        SecondKey = SigningKey.Generate("second");
        Options = new OtaOptions
        {
            StoreDirectory = Path.Combine(Root, "store"),
            FactoryDirectory = Path.Combine(Root, "factory"),
            Threshold = threshold,
            MaxStoreBytes = maxStoreBytes,
        };
        Options.TrustedKeys.Add(Key.Public.Text);
        Options.TrustedKeys.Add(SecondKey.Public.Text);
        configure?.Invoke(Options);
        Store = new BundleStore(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);
    }

    public string Root { get; }

    public SigningKey Key { get; }

    public SigningKey SecondKey { get; }

    public OtaOptions Options { get; }

    public BundleStore Store { get; }

    public List<IBundleHealthCheck> HealthChecks { get; } = [];

    public INetworkCondition Network { get; set; } = new AnyNetwork();

    public BundleInstaller Installer(IInstallObserver? observer = null) => new(
        Store, Verifier, Activation(), Network, TimeProvider.System, NullLogger<BundleInstaller>.Instance, observer);

    public ManifestVerifier Verifier => new(Options, TimeProvider.System);

    public BundleActivation Activation(ActiveBundle? active = null) =>
        new(Store, HealthChecks, NullLogger<BundleActivation>.Instance, active);

    public BundleAudit Audit => new(Store, Verifier);

    /// <summary>Random files (a few chunks each) packed as <paramref name="version"/> into a folder of its own.</summary>
    public Task<string> PackAsync(long version, IReadOnlyList<SigningKey>? keys = null, string bundle = "car-models",
        DateTimeOffset? expires = null, TrustRoot? newRoot = null, int fileBytes = 200_000, int seed = 0)
    {
        var source = Path.Combine(Root, $"src-{version}-{Guid.NewGuid():N}");
        var random = new Random(seed == 0 ? (int)version : seed);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "nlu/rules.json", "llm/model.gguf", "asr/whisper.bin" })
        {
            var path = Path.Combine(source, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = new byte[fileBytes];
            random.NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            files[name] = path;
        }

        return PackAsync(version, files, keys, bundle, expires, newRoot);
    }

    public async Task<string> PackAsync(long version, IReadOnlyDictionary<string, string> files, IReadOnlyList<SigningKey>? keys = null,
        string bundle = "car-models", DateTimeOffset? expires = null, TrustRoot? newRoot = null)
    {
        var output = Path.Combine(Root, $"bundle-{version}-{Guid.NewGuid():N}");
        await BundlePacker.PackAsync(
            new PackRequest(bundle, version, files, keys ?? [Key], expires ?? DateTimeOffset.UtcNow.AddDays(30), ChunkSize: 64 * 1024, NewRoot: newRoot),
            output, TimeProvider.System, CancellationToken.None);
        return output;
    }

    public Task<InstallResult> InstallAsync(string bundle, IInstallObserver? observer = null) =>
        Installer(observer).InstallAsync(new DirectoryBundleSource(bundle), CancellationToken.None);

    /// <summary>The active slot and version, and whether it verifies: what every attack test asserts is unchanged.</summary>
    public async Task<(string Slot, long Version, bool Verified)> ActiveAsync()
    {
        var active = await Store.ReadActiveAsync(CancellationToken.None);
        var problems = await Audit.VerifyAsync(active, CancellationToken.None);
        return (active.Slot, active.Version, problems.Count == 0);
    }

    public void Dispose()
    {
        Key.Dispose();
        SecondKey.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class AnyNetwork : INetworkCondition
    {
        public string? Unmet() => null;
    }
}
