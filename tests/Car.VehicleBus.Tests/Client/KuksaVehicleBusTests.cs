using System.Collections.Concurrent;
using Car.VehicleBus.Broker;
using Car.VehicleBus.Client;
using Car.VehicleBus.Providers;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Car.VehicleBus.Tests.Broker.ProviderStreamTests;

namespace Car.VehicleBus.Tests.Client;

/// <summary>
/// The assistant's side: <see cref="KuksaVehicleBus"/> against the real broker with the simulated car as its
/// provider over the provider stream, including the broker going away and coming back.
/// </summary>
public sealed class KuksaVehicleBusTests : IAsyncLifetime
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);
    private Rig _rig = null!;

    private KuksaVehicleBus Bus => _rig.Bus;

    private VehicleSimulator Car => _rig.Car;

    private BrokerServer Server { get => _rig.Server; set => _rig.Server = value; }

    public async Task InitializeAsync() => _rig = await Rig.StartAsync(ProviderFault.None);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task ActuateAsync_Window_SimulatorMovesItAndTheSubscriptionSeesItArrive()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Bus.Subscribe(c =>
        {
            if (c.Path == DriverWindow && c.Value == SignalValue.FromNumber(50))
            {
                arrived.TrySetResult();
            }
        });

        await Bus.ActuateAsync(DriverWindow, SignalValue.FromNumber(50));

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(50, (await Bus.GetAsync(DriverWindow)).AsNumber());
        Assert.Equal(50, (await Car.GetAsync(DriverWindow)).AsNumber());
    }

    [Fact]
    public async Task GetSnapshotAsync_ProviderPublished_HoldsTheSimulatorsValues()
    {
        var snapshot = await Bus.GetSnapshotAsync();

        Assert.Equal(62, snapshot.Number(VssPaths.FuelLevel));
        Assert.True(snapshot.Boolean(VssPaths.DoorLocked(VssPlaces.DriverSide)));
        Assert.Equal("#FFFFFF", snapshot.Text(VssPaths.AmbientLightColor));
        Assert.Equal(24, snapshot.Number(VssPaths.HvacTemperature(VssPlaces.DriverStation)));
    }

    [Fact]
    public async Task ActuateAsync_FloatSetpointWithFraction_ArrivesExactly()
    {
        var setpoint = VssPaths.HvacTemperature(VssPlaces.DriverStation);

        await Bus.ActuateAsync(setpoint, SignalValue.FromNumber(22.5));

        await WaitUntilAsync(async () => (await Bus.GetAsync(setpoint)).AsNumber() == 22.5);
    }

    [Fact]
    public async Task ActuateAsync_OutOfRangeOrSensor_RejectedAsTheBrokerSays()
    {
        var outOfRange = await Assert.ThrowsAsync<VehicleBusException>(() => Bus.ActuateAsync(DriverWindow, SignalValue.FromNumber(150)).AsTask());
        var sensor = await Assert.ThrowsAsync<VehicleBusException>(() => Bus.ActuateAsync(VssPaths.Speed, SignalValue.FromNumber(10)).AsTask());
        var unknown = await Assert.ThrowsAsync<VehicleBusException>(() => Bus.ActuateAsync("Vehicle.Nope", SignalValue.FromNumber(10)).AsTask());

        Assert.Equal(VehicleBusError.OutOfRange, outOfRange.Error);
        Assert.Equal(VehicleBusError.OutOfRange, sensor.Error);
        Assert.Equal(VehicleBusError.UnknownSignal, unknown.Error);
    }

    [Fact]
    public async Task BrokerRestart_KilledAndBack_ClientReportsTheGapThenRecoversSubscriptionAndCalls()
    {
        var changes = new ConcurrentQueue<SignalChange>();
        using var subscription = Bus.Subscribe(changes.Enqueue);
        await WaitUntilAsync(() => Task.FromResult(Bus.IsConnected));
        var address = Server.Address;

        await Server.DisposeAsync();
        await WaitUntilAsync(() => Task.FromResult(changes.Any(c => c.Path == DriverWindow && !c.IsAvailable)));
        var whileDown = await Assert.ThrowsAsync<VehicleBusException>(() => Bus.GetAsync(DriverWindow).AsTask());
        Server = await BrokerServer.StartAsync(new VehicleBroker(Car.Catalog, TimeProvider.System), new BrokerOptions { Url = address.ToString() });
        await WaitUntilAsync(async () =>
        {
            try
            {
                await Bus.ActuateAsync(DriverWindow, SignalValue.FromNumber(30));
                return true;
            }
            catch (VehicleBusException)
            {
                return false;
            }
        });

        Assert.Equal(VehicleBusError.Unavailable, whileDown.Error);
        await WaitUntilAsync(() => Task.FromResult(changes.Any(c => c.Path == DriverWindow && c.IsAvailable && c.Value == SignalValue.FromNumber(30))));
    }

    [Fact]
    public async Task ProviderGone_LeavesDuringAnActuation_SubscribersSeeTheWindowUnavailable()
    {
        await _rig.DisposeAsync();
        _rig = await Rig.StartAsync(ProviderFault.Gone);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Bus.Subscribe(c =>
        {
            if (c.Path == DriverWindow && !c.IsAvailable)
            {
                lost.TrySetResult();
            }
        });
        await WaitUntilAsync(() => Task.FromResult(Bus.IsConnected));

        await Bus.ActuateAsync(DriverWindow, SignalValue.FromNumber(50));

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var again = await Assert.ThrowsAsync<VehicleBusException>(() => Bus.ActuateAsync(DriverWindow, SignalValue.FromNumber(50)).AsTask());
        Assert.Equal(VehicleBusError.Unavailable, again.Error);
    }

    [Fact]
    public async Task ProviderSilent_ActuationAcceptedButTheWindowNeverMoves()
    {
        await _rig.DisposeAsync();
        _rig = await Rig.StartAsync(ProviderFault.Silent);

        await Bus.ActuateAsync(DriverWindow, SignalValue.FromNumber(50));
        await Task.Delay(800);

        Assert.Equal(0, (await Bus.GetAsync(DriverWindow)).AsNumber());
        Assert.Equal(0, (await Car.GetAsync(DriverWindow)).AsNumber());
    }

    /// <summary>Broker, simulated car, the car as provider, and the client, started in that order.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        public BrokerServer Server { get; set; } = null!;

        public VehicleSimulator Car { get; private set; } = null!;

        public SimulatorProvider Provider { get; private set; } = null!;

        public KuksaVehicleBus Bus { get; private set; } = null!;

        public static async Task<Rig> StartAsync(ProviderFault fault)
        {
            var rig = new Rig
            {
                Server = await BrokerServer.StartAsync(new VehicleBroker(TestCatalog.Bundled, TimeProvider.System), new BrokerOptions { Url = "http://127.0.0.1:0" }),
            };
            var options = new SimulatorOptions { WindowTravelTime = TimeSpan.FromMilliseconds(400), TickInterval = TimeSpan.FromMilliseconds(20) };
            rig.Car = new VehicleSimulator(TestCatalog.Bundled, Options.Create(options), TimeProvider.System);
            rig.Provider = new SimulatorProvider(
                rig.Car,
                Options.Create(new SimulatorProviderOptions { Url = rig.Server.Address.ToString(), Fault = fault, ReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) }),
                TimeProvider.System,
                NullLogger<SimulatorProvider>.Instance);
            await rig.Provider.StartAsync(CancellationToken.None);
            await rig.Provider.Ready.WaitAsync(TimeSpan.FromSeconds(10));
            rig.Bus = new KuksaVehicleBus(
                TestCatalog.Bundled,
                Options.Create(new KuksaClientOptions { Url = rig.Server.Address.ToString(), ReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) }),
                TimeProvider.System,
                NullLogger<KuksaVehicleBus>.Instance);
            return rig;
        }

        public async ValueTask DisposeAsync()
        {
            Bus.Dispose();
            await Provider.StopAsync(CancellationToken.None);
            Provider.Dispose();
            Car.Dispose();
            await Server.DisposeAsync();
        }
    }
}
