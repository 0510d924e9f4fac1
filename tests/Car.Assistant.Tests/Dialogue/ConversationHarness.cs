using Car.Assistant.Dialogue;
using Car.Testing;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// The assistant wired as the service wires it (AddCarAssistant), on a simulated car whose windows travel in
/// 40 ms so that confirmations arrive quickly on the real clock.
/// </summary>
internal sealed class ConversationHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];

    public ConversationHarness(
        DrivingScenario scenario = DrivingScenario.Parked,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Language:ModelDirectory"] = TestModel.Directory,
            ["Simulator:Scenario"] = scenario.ToString(),
            ["Simulator:WindowTravelTime"] = "00:00:00.040",
            ["Simulator:SunroofTravelTime"] = "00:00:00.040",
            ["Simulator:TickInterval"] = "00:00:00.005",
            ["Actions:ConfirmationTimeout"] = "00:00:05",
            ["Recommendations:Timeout"] = "00:00:00.300",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services?.Invoke(collection);
        collection.AddCarAssistant();
        _services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Conversation = _services.GetRequiredService<Conversation>();
        Car = _services.GetRequiredService<VehicleSimulator>();
    }

    public Conversation Conversation { get; }

    public VehicleSimulator Car { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public Task<TurnReport> SayAsync(string text) => Conversation.HandleAsync(text);

    /// <summary>
    /// Lets fake time run (10 ms steps) while a turn waits for the car to move and confirm, for a harness on
    /// <paramref name="clock"/>; gives up after 10 s of real time.
    /// </summary>
    public static async Task<T> WhileTimePassesAsync<T>(FakeTimeProvider clock, Task<T> turn)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(turn);
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!turn.IsCompleted && DateTime.UtcNow < limit)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        return await turn;
    }

    /// <summary>Starts what the service runs in the background (the cloud outbox's delivery), as the host would.</summary>
    public async Task StartBackgroundAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
    }

    public async Task<double> NumberAsync(string signal) => (await Car.GetAsync(signal)).AsNumber();

    public async Task<bool> FlagAsync(string signal) => (await Car.GetAsync(signal)).AsBoolean();

    public void Dispose()
    {
        foreach (var service in _started)
        {
            service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        Conversation.Dispose();
        _services.Dispose();
    }
}
