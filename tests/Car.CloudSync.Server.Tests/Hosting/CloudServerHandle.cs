using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server;
using Car.CloudSync.Server.Storage;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Car.CloudSync.Server.Tests.Hosting;

/// <summary>One in-process server on a loopback port with a gRPC channel to it.</summary>
public sealed class CloudServerHandle : IAsyncDisposable
{
    private CloudServerHandle(WebApplication app, GrpcChannel channel)
    {
        App = app;
        Channel = channel;
        Recommendations = new Contract.V1.Recommendations.RecommendationsClient(channel);
        Events = new VehicleEvents.VehicleEventsClient(channel);
    }

    public WebApplication App { get; }

    public GrpcChannel Channel { get; }

    public Uri Address => new(App.Urls.First());

    public Contract.V1.Recommendations.RecommendationsClient Recommendations { get; }

    public VehicleEvents.VehicleEventsClient Events { get; }

    public ICloudStore Store => App.Services.GetRequiredService<ICloudStore>();

    public static async Task<CloudServerHandle> StartAsync(params string[] args)
    {
        var app = CloudServer.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. args]);
        await app.StartAsync();
        var channel = GrpcChannel.ForAddress(app.Urls.First());
        return new CloudServerHandle(app, channel);
    }

    /// <summary>The vehicle's token as the test fixtures configure it.</summary>
    public static CallOptions As(string vehicleId) => WithToken(TestVehicles.TokenOf(vehicleId));

    public static CallOptions WithToken(string? token) =>
        new(token is null ? [] : new Metadata { { "authorization", "Bearer " + token } });

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
