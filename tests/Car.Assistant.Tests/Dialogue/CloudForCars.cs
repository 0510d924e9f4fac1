using Car.CloudSync.Connection;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Server;
using Car.CloudSync.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// The reference cloud server on a loopback port (sample city, SQLite in a temp folder), once per test class; each
/// test drives its own car (a vehicle id and data folder of its own) so habits and outboxes never mix.
/// </summary>
public sealed class CloudForCars : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-cloud-dialogue-").FullName;
    private WebApplication? _server;
    private int _cars;

    public Uri Endpoint => new(_server!.Urls.First());

    public ICloudStore Store => _server!.Services.GetRequiredService<ICloudStore>();

    public async Task InitializeAsync()
    {
        _server = CloudServer.Create(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Storage:Sqlite:Path={Path.Combine(_directory, "cloud.db")}"]);
        await _server.StartAsync();

        // The server's first answer pays for JIT and opening the database; the tests are about the car, not a cold server.
        using var warmUp = new GrpcPlaceRecommender(new CloudOptions
        {
            Endpoint = Endpoint, VehicleId = "warm-up", DataDirectory = Path.Combine(_directory, "warm-up"), CallDeadline = TimeSpan.FromSeconds(30),
        });
        await warmUp.RecommendPlacesAsync(new PlaceQuery("food", null, new GeoPosition(30.2741, 120.1551), DateTimeOffset.Now));
    }

    /// <summary>Settings for a new car of this cloud: its endpoint, its own vehicle id and data folder.</summary>
    public Dictionary<string, string?> NewCar(Uri? endpoint = null)
    {
        var car = $"car-{Interlocked.Increment(ref _cars)}";
        return new Dictionary<string, string?>
        {
            ["Cloud:Endpoint"] = (endpoint ?? Endpoint).ToString(),
            ["Cloud:VehicleId"] = car,
            ["Cloud:DataDirectory"] = Path.Combine(_directory, car),
            ["Recommendations:Timeout"] = "00:00:01.5",
        };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
