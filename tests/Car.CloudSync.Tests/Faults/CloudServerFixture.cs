using System.Globalization;
using System.Net;
using Car.CloudSync.Connection;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Server;
using Car.CloudSync.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Car.CloudSync.Tests.Faults;

/// <summary>
/// The real reference server on loopback (SQLite storage in a temp folder), behind a <see cref="TcpFaultProxy"/> that
/// the car talks to. One per test class; each test takes a vehicle of its own so counts don't mix.
/// </summary>
public sealed class CloudServerFixture : IAsyncLifetime, IDisposable
{
    private const int VehicleCount = 64;
    private static int _nextVehicle;

    private readonly TempDirectory _directory = new();
    private WebApplication? _server;

    public TcpFaultProxy Proxy { get; private set; } = null!;

    public int ServerPort { get; private set; }

    public string DatabasePath => Path.Combine(_directory.Path, "server.db");

    public async Task InitializeAsync()
    {
        await StartServerAsync(0);
        Proxy = new TcpFaultProxy(new IPEndPoint(IPAddress.Loopback, ServerPort));

        // The server's first answer pays for JIT and opening the database; on a loaded machine that alone can take
        // longer than a car's deadline, and the tests are about the link, not about a cold server.
        var options = Options("car-0", Path.Combine(_directory.Path, "warm-up"));
        options.CallDeadline = TimeSpan.FromSeconds(30);
        using var warmUp = new GrpcPlaceRecommender(options);
        await warmUp.RecommendPlacesAsync(new PlaceQuery("food", null, new GeoPosition(30.2741, 120.1551), DateTimeOffset.Now));
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await StopServerAsync();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>A vehicle id no other test uses, with its token known to the server.</summary>
    public static string NewVehicle() =>
        "car-" + (Interlocked.Increment(ref _nextVehicle) % VehicleCount).ToString(CultureInfo.InvariantCulture);

    public static string TokenOf(string vehicleId) => "token-of-" + vehicleId;

    /// <summary>
    /// How far past a call's deadline a loaded machine (CI compiles whisper.cpp beside these tests) may schedule the
    /// answer. Bounds built on it say what the driver gets (an answer at the deadline, not whenever a slow server
    /// answers); how close to the deadline it comes on a quiet machine is in each test's output.
    /// </summary>
    public static readonly TimeSpan LoadedMachineSlack = TimeSpan.FromSeconds(1);

    /// <summary>Options for a car talking to this server through the proxy, with the breaker tuned short for tests.</summary>
    public CloudOptions Options(string vehicleId, string dataDirectory) => new()
    {
        Endpoint = Proxy.Address,
        VehicleId = vehicleId,
        Token = TokenOf(vehicleId),
        DataDirectory = dataDirectory,
        BreakDuration = TimeSpan.FromMilliseconds(700),
        BreakerMinimumThroughput = 3,
        DeliveryInitialBackoff = TimeSpan.FromMilliseconds(50),
        DeliveryMaxBackoff = TimeSpan.FromMilliseconds(400),
        DeliveryDeadline = TimeSpan.FromSeconds(3),
    };

    /// <summary>Back to a healthy link: passing, no delay, no live connection left from an earlier fault.</summary>
    public void HealLink()
    {
        Proxy.Mode = ProxyMode.Pass;
        Proxy.ChunkDelay = TimeSpan.Zero;
        Proxy.CutAll();
    }

    public async Task StartServerAsync(int port)
    {
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:Provider=sqlite",
            $"--Storage:Sqlite:Path={DatabasePath}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft=Error",
        };
        for (var i = 0; i < VehicleCount; i++)
        {
            var vehicle = "car-" + i.ToString(CultureInfo.InvariantCulture);
            args.Add($"--Auth:VehicleTokens:{vehicle}={TokenOf(vehicle)}");
        }

        _server = CloudServer.Create([.. args]);
        await _server.StartAsync();
        ServerPort = new Uri(_server.Urls.First()).Port;
    }

    public async Task StopServerAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    /// <summary>Stops the server and starts it again on the same port and database, as a deploy or a crash does.</summary>
    public async Task RestartServerAsync()
    {
        var port = ServerPort;
        await StopServerAsync();
        await StartServerAsync(port);
    }

    /// <summary>How many events of the vehicle the server has stored.</summary>
    public Task<long> CountEventsAsync(string vehicleId) =>
        (_server ?? throw new InvalidOperationException("The server is stopped.")).Services
            .GetRequiredService<ICloudStore>().CountEventsAsync(vehicleId, CancellationToken.None);
}
