using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Car.VehicleBus.Tests.Can;

public class CanVehicleBusTests
{
    private static readonly string ReplayLog = Path.Combine(AppContext.BaseDirectory, "Can", "TestData", "cabin-replay.log");

    [Fact]
    public async Task Replay_HandComputedCabinLog_YieldsTheExpectedVssValues()
    {
        var replay = new CandumpReplayTransport(ReplayLog);
        await using var bus = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, replay));

        await bus.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var car = await bus.GetSnapshotAsync();

        Assert.Equal(0, car.Number(VssPaths.WindowPosition(VssPlaces.DriverSide)));
        Assert.Equal(0, car.Number(VssPaths.WindowPosition(VssPlaces.PassengerSide)));
        Assert.Equal(100, car.Number(VssPaths.WindowPosition(VssPlaces.RearDriverSide)));
        Assert.Equal(25, car.Number(VssPaths.WindowPosition(VssPlaces.RearPassengerSide)));
        Assert.True(car.Boolean(VssPaths.DoorLocked(VssPlaces.DriverSide)));
        Assert.True(car.Boolean(VssPaths.DoorLocked(VssPlaces.PassengerSide)));
        Assert.False(car.Boolean(VssPaths.DoorLocked(VssPlaces.RearDriverSide)));
        Assert.True(car.Boolean(VssPaths.DoorLocked(VssPlaces.RearPassengerSide)));
        Assert.True(car.Boolean(VssPaths.TrunkOpen));
        Assert.Equal(100, car.Number(VssPaths.SunshadePosition));
        Assert.Equal(-100, car.Number(VssPaths.SunroofPosition));
        Assert.Equal(22, car.Number(VssPaths.HvacTemperature(VssPlaces.DriverStation)));
        Assert.Equal(22.5, car.Number(VssPaths.HvacTemperature(VssPlaces.PassengerStation)));
        Assert.Equal(22.5, car.Number(VssPaths.CabinTemperature));
        Assert.Equal(30, car.Number(VssPaths.OutsideTemperature));
        Assert.Equal(50, car.Number(VssPaths.HvacFanSpeed(VssPlaces.DriverStation)));
        Assert.Equal(30, car.Number(VssPaths.HvacFanSpeed(VssPlaces.PassengerStation)));
        Assert.True(car.Boolean(VssPaths.AirConditioning));
        Assert.False(car.Boolean(VssPaths.Recirculation));
        Assert.True(car.Boolean(VssPaths.FrontDefroster));
        Assert.False(car.Boolean(VssPaths.RearDefroster));
        Assert.Equal(100, car.Number(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide)));
        Assert.Equal(-3, car.Number(VssPaths.SeatHeatingCooling(VssPlaces.RearDriverSide)));
        Assert.True(car.Boolean(VssPaths.ReadingLight(VssPlaces.DriverSide)));
        Assert.False(car.Boolean(VssPaths.ReadingLight(VssPlaces.PassengerSide)));
        Assert.True(car.Boolean(VssPaths.AmbientLightOn));
        Assert.Equal("RAIN_SENSOR", car.Text(VssPaths.WiperMode));
        Assert.Equal(80, car.Number(VssPaths.RainIntensity));
        Assert.Equal(1, replay.SkippedLines);
        Assert.Equal(9, bus.Provider.FramesReceived);
        Assert.Equal(7, bus.Provider.FramesWithValues);
    }

    [Fact]
    public async Task Replay_Subscriber_HearsEachChangeInOrder()
    {
        var changes = new List<SignalChange>();
        var gate = new TaskCompletionSource();
        var replay = new CandumpReplayTransport(() => gate.Task.Wait(TimeSpan.FromSeconds(10)) ? new StreamReader(ReplayLog) : throw new TimeoutException(), "log");
        await using var bus = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, replay));
        using var subscription = bus.Subscribe(changes.Add);

        gate.SetResult();
        await bus.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var driverWindow = changes.Where(c => c.Path == VssPaths.WindowPosition(VssPlaces.DriverSide)).Select(c => c.Value.AsNumber());
        Assert.Equal([50, 0], driverWindow);
        Assert.DoesNotContain(changes, c => c.Path == VssPaths.WindowPosition(VssPlaces.PassengerSide));
        Assert.Single(changes, c => c.Path == VssPaths.DoorLocked(VssPlaces.PassengerSide));
    }

    [Fact]
    public async Task Snapshot_SignalNeverReported_IsAsOldAsTheEpoch()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var bus = new LoopbackCanBus();
        var ecu = bus.CreateEndpoint("ecu");
        await using var car = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, bus.CreateEndpoint("hu"), time), time);
        using var heard = new SemaphoreSlim(0);
        using var subscription = car.Subscribe(_ => heard.Release());

        await ecu.SendAsync(CanFrame.FromBytes(0x313, [0x01, 0x10]));
        Assert.True(await heard.WaitAsync(TimeSpan.FromSeconds(10)));
        var snapshot = await car.GetSnapshotAsync();

        Assert.Equal(TimeSpan.Zero, snapshot.Age(VssPaths.RainIntensity));
        Assert.Equal(time.GetUtcNow() - DateTimeOffset.UnixEpoch, snapshot.Age(VssPaths.Speed));
    }

    [Fact]
    public async Task Actuate_EcuAnswersWithItsStatus_CurrentValueArrives()
    {
        var bus = new LoopbackCanBus();
        await using var ecu = new FakeBodyEcu(bus.CreateEndpoint("bcm"));
        await using var car = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, bus.CreateEndpoint("hu")));
        var window = VssPaths.WindowPosition(VssPlaces.DriverSide);
        var arrived = new TaskCompletionSource<SignalValue>();
        using var subscription = car.Subscribe(c =>
        {
            if (c.Path == window)
            {
                arrived.TrySetResult(c.Value);
            }
        });

        await car.ActuateAsync(window, SignalValue.FromNumber(40));

        Assert.Equal(SignalValue.FromNumber(40), await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SignalValue.FromNumber(40), await car.GetAsync(window));
        Assert.Equal("210#00287F7F7F007F80", ecu.Commands.Single().ToString());
    }

    [Fact]
    public async Task Actuate_NoEcuAnswers_CurrentValueStaysPut()
    {
        var bus = new LoopbackCanBus();
        var listener = bus.CreateEndpoint("listener");
        await using var car = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, bus.CreateEndpoint("hu")));

        await car.ActuateAsync(VssPaths.SunroofPosition, SignalValue.FromNumber(-100));
        var sent = await listener.ReceiveAsync().FirstAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("210#007F7F7F7F007F9C", sent.ToString());
        Assert.Equal(SignalValue.FromNumber(0), await car.GetAsync(VssPaths.SunroofPosition));
    }

    [Theory]
    [InlineData("Vehicle.Speed", VehicleBusError.NotAnActuator)]
    [InlineData("Vehicle.Nope", VehicleBusError.UnknownSignal)]
    public async Task Actuate_NotSettable_Rejected(string path, VehicleBusError expected)
    {
        await using var car = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, new LoopbackCanBus().CreateEndpoint()));

        var error = await Assert.ThrowsAsync<VehicleBusException>(() => car.ActuateAsync(path, SignalValue.FromNumber(1)).AsTask());

        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public async Task AddCanVehicleBus_Replay_IsTheVehicleBus()
    {
        var services = new ServiceCollection();
        services.AddCanVehicleBus(o =>
        {
            o.Transport = CanTransportKind.Replay;
            o.ReplayFile = ReplayLog;
            o.ReplaySpeed = 0;
        });
        await using var provider = services.BuildServiceProvider();

        var bus = provider.GetRequiredService<IVehicleBus>();
        await provider.GetRequiredService<CanVehicleBus>().Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsType<CanVehicleBus>(bus);
        Assert.Equal("RAIN_SENSOR", (await bus.GetAsync(VssPaths.WiperMode)).AsString());
    }

    /// <summary>A body ECU that moves each window at once to the target it is sent and reports its door status.</summary>
    private sealed class FakeBodyEcu : IAsyncDisposable
    {
        private readonly LoopbackCanTransport _transport;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public FakeBodyEcu(LoopbackCanTransport transport)
        {
            _transport = transport;
            _loop = Task.Run(RunAsync);
        }

        public List<CanFrame> Commands { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            await _transport.DisposeAsync();
            _stop.Dispose();
        }

        private async Task RunAsync()
        {
            Assert.True(SampleNetwork.Dbc.TryGetMessage("BCM_DoorStatus", out var statusMessage));
            var status = new CanMessageCodec(statusMessage);
            var data = 0UL;
            await foreach (var frame in _transport.ReceiveAsync(_stop.Token))
            {
                if (frame.Id != 0x210)
                {
                    continue;
                }

                Commands.Add(frame);
                var target = (int)((frame.Data >> 8) & 0x7F);
                if (target != 127)
                {
                    status.Signals[status.IndexOf("WinPosFL")].EncodeRaw(ref data, target);
                }

                await _transport.SendAsync(status.CreateFrame(data));
            }
        }
    }
}
