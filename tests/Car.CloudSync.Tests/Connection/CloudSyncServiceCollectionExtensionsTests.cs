using Car.CloudSync.Connection;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Tests.Connection;

public sealed class CloudSyncServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AddCloudSync_NoEndpoint_TheCarWithoutACloud()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<OfflinePlaceRecommender>(services.GetRequiredService<IPlaceRecommender>());
        Assert.IsType<UnreportedEvents>(services.GetRequiredService<IVehicleEventReporter>());
        Assert.IsType<NoCloudStatus>(services.GetRequiredService<ICloudStatus>());
        Assert.False(File.Exists(Path.Combine(_directory.Path, "outbox.db")));
    }

    [Fact]
    public void AddCloudSync_Endpoint_TheCloudClientOutboxAndStatus()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Cloud:Endpoint"] = "http://127.0.0.1:9",
            ["Cloud:VehicleId"] = "car-1",
            ["Cloud:Token"] = "t",
            ["Cloud:CallDeadline"] = "00:00:00.8",
        });

        Assert.IsType<GrpcPlaceRecommender>(services.GetRequiredService<IPlaceRecommender>());
        Assert.IsType<OutboxEventReporter>(services.GetRequiredService<IVehicleEventReporter>());
        Assert.IsType<CloudStatus>(services.GetRequiredService<ICloudStatus>());
        Assert.Contains(services.GetServices<IHostedService>(), s => s is OutboxDelivery);
        Assert.Equal(TimeSpan.FromMilliseconds(800), services.GetRequiredService<IOptions<CloudOptions>>().Value.CallDeadline);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "outbox.db")));
    }

    [Fact]
    public void AddCloudSync_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddCloudSync();
        services.AddCloudSync();

        Assert.Single(services, d => d.ServiceType == typeof(IPlaceRecommender));
        Assert.Single(services, d => d.ServiceType == typeof(IVehicleEventReporter));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CloudOptions>));
    }

    [Fact]
    public async Task AddCloudSync_InvalidSettings_HostRefusesToStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cloud:Endpoint"] = "http://cloud.example.com",
            ["Cloud:DataDirectory"] = _directory.Path,
        });
        builder.Services.AddCloudSync();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cloud:VehicleId", failure.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Cloud:DataDirectory"] = _directory.Path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCloudSync();
        return services.BuildServiceProvider();
    }
}
