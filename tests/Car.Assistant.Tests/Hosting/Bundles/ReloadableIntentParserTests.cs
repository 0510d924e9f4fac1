using Car.Assistant.Hosting;
using Car.Assistant.Hosting.Bundles;
using Car.Language;
using Car.Ota;
using Car.Ota.Bundles;
using Car.Ota.Download;
using Car.Ota.Health;
using Car.Ota.Install;
using Car.Ota.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Tests.Hosting.Bundles;

/// <summary>The assistant in one process: a bundle installed while it runs is answering the next utterance, without a restart.</summary>
public sealed class ReloadableIntentParserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("car-hot-swap-").FullName;
    private readonly SigningKey _key = SigningKey.Generate("test");
    private readonly IHost _host;

    public ReloadableIntentParserTests()
    {
        _host = CarHost.CreateBuilder([
            new("Ota:StoreDirectory", Path.Combine(_root, "store")),
            new("Ota:TrustedKeys:0", _key.Public.Text),
            new("Llm:Engine", "Rules"),
            new("Cloud:DataDirectory", Path.Combine(_root, "state")),
        ]).Build();
    }

    [Fact]
    public async Task Install_WhileRunning_NextUtteranceUsesTheNewBundleAndRollbackGoesBack()
    {
        var parser = (ReloadableIntentParser)_host.Services.GetRequiredService<IIntentParser>();
        Assert.Equal(IntentNames.WindowOpen, (await parser.ParseAsync("打开车窗")).Intents[0].Name);
        Assert.Equal(0, parser.Version);

        await _host.Services.GetRequiredService<BundleInstaller>().InstallAsync(new DirectoryBundleSource(await PackAsync(2)), CancellationToken.None);
        await parser.PendingSwap!;

        Assert.Equal(2, parser.Version);
        Assert.Equal(IntentNames.WindowOpen, (await parser.ParseAsync("打开车窗")).Intents[0].Name);
        await _host.Services.GetRequiredService<BundleActivation>().RollBackAsync(CancellationToken.None);
        await parser.PendingSwap!;
        Assert.Equal(0, parser.Version);
    }

    [Fact]
    public async Task Install_BundleWhoseSelfTestFails_RolledBackByTheLanguageHealthCheckAndParserKept()
    {
        var parser = (ReloadableIntentParser)_host.Services.GetRequiredService<IIntentParser>();
        var installer = _host.Services.GetRequiredService<BundleInstaller>();
        await installer.InstallAsync(new DirectoryBundleSource(await PackAsync(2)), CancellationToken.None);
        await parser.PendingSwap!;

        var failed = await Assert.ThrowsAsync<BundleInstallException>(async () =>
            await installer.InstallAsync(new DirectoryBundleSource(await PackAsync(3, new SelfTest("打开车窗", IntentNames.ClimateOff))), CancellationToken.None));

        Assert.Equal("Version 3 failed its health check (language: '打开车窗' parsed to window.open, the bundle expects climate.off); rolled back to version 2 in slot A.", failed.Message);
        await parser.PendingSwap!;
        Assert.Equal(2, parser.Version);
    }

    [Fact]
    public async Task InstallByAnotherProcess_WhileRunning_WatcherSwapsTheParser()
    {
        var parser = (ReloadableIntentParser)_host.Services.GetRequiredService<IIntentParser>();
        Assert.Equal(0, parser.Version);
        using var watcher = _host.Services.GetRequiredService<ActiveBundleWatcher>();
        await watcher.StartAsync(CancellationToken.None);
        // Another installer on the same store, as `car models install` would be: it knows nothing of this process.
        var store = _host.Services.GetRequiredService<Car.Ota.Store.BundleStore>();
        var other = new BundleInstaller(store, _host.Services.GetRequiredService<Car.Ota.Verification.ManifestVerifier>(),
            new BundleActivation(store, [], Microsoft.Extensions.Logging.Abstractions.NullLogger<BundleActivation>.Instance),
            _host.Services.GetRequiredService<INetworkCondition>(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<BundleInstaller>.Instance);

        await other.InstallAsync(new DirectoryBundleSource(await PackAsync(2)), CancellationToken.None);
        for (var i = 0; i < 100 && parser.Version != 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, parser.Version);
        Assert.Equal(IntentNames.WindowOpen, (await parser.ParseAsync("打开车窗")).Intents[0].Name);
    }

    [Fact]
    public void Generation_ReleasedByTheHolderWhileAParseRuns_IsDisposedOnlyWhenTheParseEnds()
    {
        var owner = new Owner();
        var generation = new ModelGeneration<IIntentParser>(_host.Services.GetRequiredService<RuleParser>(), 1, owner);

        Assert.True(generation.TryAcquire());
        generation.Release();
        Assert.False(owner.Disposed);
        generation.Release();

        Assert.True(owner.Disposed);
        Assert.False(generation.TryAcquire());
    }

    public void Dispose()
    {
        _host.Dispose();
        _key.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<string> PackAsync(long version, params SelfTest[] selfTests)
    {
        var output = Path.Combine(_root, $"bundle-{version}");
        await BundlePacker.PackAsync(new PackRequest("car-models", version, BundlePacker.FilesUnder(Path.Combine(AppContext.BaseDirectory, "models")), [_key],
            DateTimeOffset.UtcNow.AddDays(1), SelfTests: selfTests.Length > 0 ? selfTests : [new SelfTest("打开车窗", IntentNames.WindowOpen)]),
            output, TimeProvider.System, CancellationToken.None);
        return output;
    }

    private sealed class Owner : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
