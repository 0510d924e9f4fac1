using System.Diagnostics;
using Car.Assistant.Hosting;
using Car.Assistant.Hosting.Bundles;
using Car.Assistant.Tests.Dialogue;
using Car.Language;
using Car.Ota;
using Car.Ota.Bundles;
using Car.Ota.Download;
using Car.Ota.Install;
using Car.Ota.Signing;
using Car.Ota.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Tests.Hosting.Bundles;

/// <summary>The install log reaches the fleet: the running car reports each update record to the reference cloud, once.</summary>
public sealed class BundleUpdateReporterTests(CloudForCars cloud) : IClassFixture<CloudForCars>, IDisposable
{
    private const string Kind = "bundle-update";
    private readonly string _root = Directory.CreateTempSubdirectory("car-update-records-").FullName;
    private readonly SigningKey _key = SigningKey.Generate("test");

    [Fact]
    public async Task InstallAndFailedHealthCheck_EachReachTheCloudOnce_EvenWhenTheCarHandsThemOverAgain()
    {
        var car = Car(cloud.NewCar());
        var vehicle = car["Cloud:VehicleId"]!;
        IReadOnlyList<InstallRecord> records;
        using (var host = await StartAsync(car))
        {
            var installer = host.Services.GetRequiredService<BundleInstaller>();
            await installer.InstallAsync(new DirectoryBundleSource(await PackAsync(2)), CancellationToken.None);
            var failing = await PackAsync(3, new SelfTest("打开车窗", IntentNames.ClimateOff));
            await Assert.ThrowsAsync<BundleInstallException>(() => installer.InstallAsync(new DirectoryBundleSource(failing), CancellationToken.None));
            records = await host.Services.GetRequiredService<BundleStore>().ReadRecordsAsync(CancellationToken.None);
            await Eventually(async () => (await cloud.Store.ReadEventsAsync(vehicle, Kind, default)).Count == records.Count);
            await host.StopAsync();
        }

        var reported = await cloud.Store.ReadEventsAsync(vehicle, Kind, default);
        Assert.Equal(records.Select(r => (r.Action, r.FromVersion, r.ToVersion, r.Result)),
            reported.Select(e => (e.BundleUpdate.Action, e.BundleUpdate.FromVersion, e.BundleUpdate.ToVersion, e.BundleUpdate.Result)));
        Assert.Contains(reported, e => e.BundleUpdate is { ToVersion: 2, Result: "ok" });
        Assert.Contains(reported, e => e.BundleUpdate.Result == "rolled-back" && e.BundleUpdate.Message.Contains("打开车窗", StringComparison.Ordinal));

        // As if the car lost power after the outbox took the records but before the store noted it: handed over again.
        var cursor = Path.Combine(car["Ota:StoreDirectory"]!, "installs.reported");
        File.Delete(cursor);
        using (var again = await StartAsync(car))
        {
            await Eventually(() => Task.FromResult(File.Exists(cursor)));
            await Task.Delay(500);
            await again.StopAsync();
        }

        Assert.Equal(records.Count, (await cloud.Store.ReadEventsAsync(vehicle, Kind, default)).Count);
    }

    [Fact]
    public async Task NoCloudWhenInstalled_RecordsWait_AndAllArriveOnceACloudIsConfigured()
    {
        var withCloud = Car(cloud.NewCar());
        var offline = new Dictionary<string, string?>(withCloud);
        offline.Remove("Cloud:Endpoint");
        using (var host = await StartAsync(offline))
        {
            await host.Services.GetRequiredService<BundleInstaller>().InstallAsync(new DirectoryBundleSource(await PackAsync(2)), CancellationToken.None);
            await Task.Delay(300);
            await host.StopAsync();
        }

        Assert.False(File.Exists(Path.Combine(offline["Ota:StoreDirectory"]!, "installs.reported")));

        using (var host = await StartAsync(withCloud))
        {
            await Eventually(async () => (await cloud.Store.ReadEventsAsync(withCloud["Cloud:VehicleId"]!, Kind, default)).Count == 1);
            await host.StopAsync();
        }

        var install = Assert.Single(await cloud.Store.ReadEventsAsync(withCloud["Cloud:VehicleId"]!, Kind, default)).BundleUpdate;
        Assert.Equal(("install", 0L, 2L, "ok"), (install.Action, install.FromVersion, install.ToVersion, install.Result));
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private Dictionary<string, string?> Car(Dictionary<string, string?> settings)
    {
        settings["Ota:StoreDirectory"] = Path.Combine(_root, settings["Cloud:VehicleId"]!, "store");
        settings["Ota:TrustedKeys:0"] = _key.Public.Text;
        settings["Llm:Engine"] = "Rules";
        return settings;
    }

    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = CarHost.CreateBuilder(settings);
        builder.Services.AddBundleBoot();
        var host = CarHost.Build(builder);
        await host.StartAsync();
        return host;
    }

    private async Task<string> PackAsync(long version, params SelfTest[] selfTests)
    {
        var output = Path.Combine(_root, "bundles", $"{version}-{Guid.NewGuid():N}");
        await BundlePacker.PackAsync(new PackRequest("car-models", version, BundlePacker.FilesUnder(Path.Combine(AppContext.BaseDirectory, "models")), [_key],
            DateTimeOffset.UtcNow.AddDays(1), SelfTests: selfTests.Length > 0 ? selfTests : [new SelfTest("打开车窗", IntentNames.WindowOpen)]),
            output, TimeProvider.System, CancellationToken.None);
        return output;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "The condition did not hold within 20 s.");
            await Task.Delay(50);
        }
    }
}
