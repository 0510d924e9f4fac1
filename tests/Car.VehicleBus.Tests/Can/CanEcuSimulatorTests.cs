using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Car.VehicleBus.Tests.Can;

public class CanEcuSimulatorTests
{
    private static readonly string CommandLog = Path.Combine(AppContext.BaseDirectory, "Can", "TestData", "head-unit-commands.log");

    [Fact]
    public async Task Replay_HeadUnitCommandLog_DrivesTheSimulatedCabin()
    {
        var time = new FakeTimeProvider();
        using var car = new VehicleSimulator(TestCatalog.Bundled, Options.Create(new SimulatorOptions()), time);
        await using var ecus = new CanEcuSimulator(SampleNetwork.Translator, car, new CandumpReplayTransport(CommandLog), time);

        await ecus.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(4, ecus.CommandsReceived);
        Assert.Equal(40, (await car.GetAsync(VssPaths.WindowPosition(VssPlaces.DriverSide))).AsNumber());
        Assert.Equal(0, (await car.GetAsync(VssPaths.WindowPosition(VssPlaces.PassengerSide))).AsNumber());
        Assert.False((await car.GetAsync(VssPaths.DoorLocked(VssPlaces.RearPassengerSide))).AsBoolean());
        Assert.True((await car.GetAsync(VssPaths.DoorLocked(VssPlaces.DriverSide))).AsBoolean());
        Assert.Equal(3, (await car.GetAsync(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide))).AsNumber());
        Assert.Equal(23.5, (await car.GetAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation))).AsNumber());
    }

    [Fact]
    public async Task Actuate_OverCanToTheSimulatedCar_CurrentValueFollowsTheWindow()
    {
        var time = new FakeTimeProvider();
        using var car = new VehicleSimulator(TestCatalog.Bundled, Options.Create(new SimulatorOptions()), time);
        var bus = new LoopbackCanBus();
        await using var ecus = new CanEcuSimulator(SampleNetwork.Translator, car, bus.CreateEndpoint("ecus"), time);
        await using var headUnit = new CanVehicleBus(new CanProvider(SampleNetwork.Translator, bus.CreateEndpoint("hu"), time), time);
        var window = VssPaths.WindowPosition(VssPlaces.DriverSide);
        var arrived = new TaskCompletionSource();
        using var subscription = headUnit.Subscribe(c =>
        {
            if (c.Path == window && c.Value.AsNumber() == 40)
            {
                arrived.TrySetResult();
            }
        });

        await headUnit.ActuateAsync(window, SignalValue.FromNumber(40));
        for (var second = 0; second < 60 && !arrived.Task.IsCompleted; second++)
        {
            await Task.Delay(20);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(40, (await headUnit.GetAsync(window)).AsNumber());
        Assert.Equal(40, (await car.GetAsync(window)).AsNumber());
    }

    [Fact]
    public void EncodeStatus_CarState_GivesHandComputedStatusFrames()
    {
        var values = new Dictionary<string, SignalValue>
        {
            [VssPaths.HvacTemperature(VssPlaces.DriverStation)] = SignalValue.FromNumber(22),
            [VssPaths.HvacTemperature(VssPlaces.PassengerStation)] = SignalValue.FromNumber(22.5),
            [VssPaths.CabinTemperature] = SignalValue.FromNumber(22.5),
            [VssPaths.OutsideTemperature] = SignalValue.FromNumber(30),
            [VssPaths.HvacFanSpeed(VssPlaces.DriverStation)] = SignalValue.FromNumber(50),
            [VssPaths.HvacFanSpeed(VssPlaces.PassengerStation)] = SignalValue.FromNumber(30),
            [VssPaths.AirConditioning] = SignalValue.FromBoolean(true),
            [VssPaths.FrontDefroster] = SignalValue.FromBoolean(true),
            [VssPaths.SeatHeatingCooling(VssPlaces.RearDriverSide)] = SignalValue.FromNumber(-3),
        };

        var frames = SampleNetwork.Translator.EncodeStatus(path => values.TryGetValue(path, out var value) ? value : null);

        Assert.Contains(CanFrame.FromBytes(0x320, Convert.FromHexString("2C2D2712BC53A000")), frames);
        Assert.Contains(CanFrame.FromBytes(0x311, [0x02, 0xFD]), frames);
        Assert.Equal(4, frames.Count(f => f.Id == 0x311));
    }

    [Fact]
    public void DecodeTargets_CommandAtNoRequest_RequestsNothing()
    {
        var targets = new List<KeyValuePair<string, SignalValue>>();

        Assert.Equal(0, SampleNetwork.Translator.DecodeTargets(CanFrame.FromBytes(0x210, Convert.FromHexString("007F7F7F7F007F80")), targets));
        Assert.Equal(1, SampleNetwork.Translator.DecodeTargets(CanFrame.FromBytes(0x220, Convert.FromHexString("2F00FF00")), targets));
        Assert.Equal(new KeyValuePair<string, SignalValue>(VssPaths.HvacTemperature(VssPlaces.DriverStation), SignalValue.FromNumber(23.5)), targets[0]);
    }
}
