using Car.Assistant.Tests.Cli;
using Car.CloudSync.Server;
using Car.Ota;
using Car.Ota.Store;
using Car.Ota.Verification;
using Microsoft.AspNetCore.Builder;

namespace Car.Assistant.Tests.Cli.Models;

/// <summary>
/// Once per test class: a key pair from <c>car models keygen</c>, the test models from <c>car models write-test</c>,
/// bundles packed by <c>car models pack</c> (v1: models/; v2: models/ and the test models), served by the reference
/// cloud server on loopback, and a store with v1 installed to copy for each scenario.
/// </summary>
public sealed class BundleWorkshop : IAsyncLifetime
{
    private WebApplication? _server;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("car-ota-workshop-").FullName;

    public string PublicKey { get; private set; } = "";

    public string Served => Path.Combine(Directory, "served");

    public string TemplateStore => Path.Combine(Directory, "template-store");

    public Dictionary<string, string> Environment => new() { ["XDG_STATE_HOME"] = Path.Combine(Directory, "state") };

    public Uri BundleUrl(string name) => new(new Uri(_server!.Urls.First()), $"bundles/{name}/");

    public async Task InitializeAsync()
    {
        var keys = Path.Combine(Directory, "keys");
        await RunAsync("models", "keygen", "--out", keys);
        PublicKey = (await File.ReadAllTextAsync(Path.Combine(keys, "car-ota.pub"))).Trim();
        var models = Path.Combine(Directory, "test-models");
        await RunAsync("models", "write-test", "--out", models);
        var factory = Path.Combine(AppContext.BaseDirectory, "models");
        var key = Path.Combine(keys, "car-ota");
        await RunAsync("models", "pack", factory, "--version", "1", "--key", key, "--out", Path.Combine(Served, "v1"), "--chunk-size", "65536");
        await RunAsync("models", "pack", factory, "--add", models, "--version", "2", "--key", key, "--out", Path.Combine(Served, "v2"), "--chunk-size", "65536");
        await RunAsync([.. Car("install", "--from", Path.Combine(Served, "v1"), "--store", TemplateStore)]);

        _server = CloudServer.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--Storage:Sqlite:Path={Path.Combine(Directory, "cloud.db")}", $"--Bundles:Directory={Served}"]);
        await _server.StartAsync();
    }

    /// <summary><c>car models COMMAND ARGS --set Ota:TrustedKeys:0=KEY</c>.</summary>
    public string[] Car(params string[] arguments) => ["models", .. arguments, "--set", $"Ota:TrustedKeys:0={PublicKey}"];

    /// <summary>A copy of the store with v1 active, for one scenario.</summary>
    public string FreshStore(string name)
    {
        var store = Path.Combine(Directory, name);
        if (System.IO.Directory.Exists(store))
        {
            System.IO.Directory.Delete(store, recursive: true);
        }

        Copy(TemplateStore, store);
        return store;
    }

    /// <summary>What the car finds at start in <paramref name="store"/>: the active bundle, and what is wrong with it.</summary>
    public async Task<(InstalledBundle Active, IReadOnlyList<string> Problems)> ComeUpAsync(string store)
    {
        var options = new OtaOptions { StoreDirectory = store, FactoryDirectory = Path.Combine(AppContext.BaseDirectory, "models") };
        options.TrustedKeys.Add(PublicKey);
        var bundles = new BundleStore(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        var active = await bundles.ReadActiveAsync(CancellationToken.None);
        return (active, await new BundleAudit(bundles, new ManifestVerifier(options, TimeProvider.System)).VerifyAsync(active, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task RunAsync(params string[] arguments)
    {
        var (code, output, errors) = await CarProcess.RunAsync([], Environment, arguments);
        Assert.True(code == 0, $"car {string.Join(' ', arguments)} exited {code}: {output} {errors}");
    }

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
