using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Car.VehicleBus.Tests.Simulator;

public class VehicleSimulatorTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    private static (VehicleSimulator Car, FakeTimeProvider Clock) Create(DrivingScenario scenario = DrivingScenario.Parked)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new SimulatorOptions { Scenario = scenario });
        return (new VehicleSimulator(TestCatalog.Bundled, options, clock), clock);
    }

    [Fact]
    public async Task ActuateAsync_Window_TravelsOverSecondsToTarget()
    {
        var (car, clock) = Create();
        using var _ = car;

        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(100));
        var atStart = (await car.GetAsync(DriverWindow)).AsNumber();
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = (await car.GetAsync(DriverWindow)).AsNumber();
        clock.Advance(TimeSpan.FromSeconds(5));
        var afterSixSeconds = (await car.GetAsync(DriverWindow)).AsNumber();

        Assert.Equal(0, atStart);
        Assert.Equal(25, afterOneSecond);
        Assert.Equal(100, afterSixSeconds);
    }

    [Fact]
    public async Task Subscribe_WindowMoving_ReportsRisingValuesEndingAtTarget()
    {
        var (car, clock) = Create();
        using var _ = car;
        var seen = new List<double>();
        using var subscription = car.Subscribe(c =>
        {
            if (c.Path == DriverWindow)
            {
                seen.Add(c.Value.AsNumber());
            }
        });

        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(20));
        for (var i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.NotEmpty(seen);
        Assert.Equal(seen.OrderBy(v => v), seen);
        Assert.Equal(20, seen[^1]);
    }

    [Fact]
    public async Task Subscribe_AfterDispose_NoMoreCalls()
    {
        var (car, _) = Create();
        using var __ = car;
        var calls = 0;
        var subscription = car.Subscribe(_ => calls++);
        subscription.Dispose();

        await car.ActuateAsync(VssPaths.AirConditioning, SignalValue.FromBoolean(true));

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task CabinTemperature_AirConditioningOn_DriftsTowardSetpoint()
    {
        var (car, clock) = Create();
        using var _ = car;
        car.SetSensor(VssPaths.CabinTemperature, SignalValue.FromNumber(35));
        await car.ActuateAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation), SignalValue.FromNumber(20));
        await car.ActuateAsync(VssPaths.HvacTemperature(VssPlaces.PassengerStation), SignalValue.FromNumber(20));
        await car.ActuateAsync(VssPaths.AirConditioning, SignalValue.FromBoolean(true));

        clock.Advance(TimeSpan.FromMinutes(2));
        var afterTwoMinutes = (await car.GetAsync(VssPaths.CabinTemperature)).AsNumber();
        clock.Advance(TimeSpan.FromMinutes(20));
        var afterLong = (await car.GetAsync(VssPaths.CabinTemperature)).AsNumber();

        Assert.InRange(afterTwoMinutes, 20.5, 31);
        Assert.Equal(20, afterLong, 1);
    }

    [Fact]
    public async Task CabinTemperature_AirConditioningOff_DriftsTowardOutside()
    {
        var (car, clock) = Create(DrivingScenario.Rain);
        using var _ = car;

        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(15, (await car.GetAsync(VssPaths.CabinTemperature)).AsNumber(), 1);
    }

    [Theory]
    [InlineData(DrivingScenario.Parked, 0, 0)]
    [InlineData(DrivingScenario.City, 40, 0)]
    [InlineData(DrivingScenario.Highway, 110, 0)]
    [InlineData(DrivingScenario.Rain, 50, 60)]
    public async Task Scenario_SetsSpeedAndRain(DrivingScenario scenario, double speed, double rain)
    {
        var (car, _) = Create(scenario);
        using var __ = car;

        Assert.Equal(speed, (await car.GetAsync(VssPaths.Speed)).AsNumber());
        Assert.Equal(rain, (await car.GetAsync(VssPaths.RainIntensity)).AsNumber());
    }

    [Theory]
    [InlineData(DrivingScenario.Parked, 126)]
    [InlineData(DrivingScenario.City, 127)]
    public async Task Scenario_SetsGearAsVssEncodesIt(DrivingScenario scenario, double gear)
    {
        var (car, _) = Create(scenario);
        using var __ = car;

        Assert.Equal(gear, (await car.GetAsync(VssPaths.SelectedGear)).AsNumber());
    }

    [Fact]
    public async Task ActuateAsync_UnknownSignal_ThrowsAndChangesNothing()
    {
        var (car, _) = Create();
        using var __ = car;
        var before = await car.GetSnapshotAsync();

        var error = await Assert.ThrowsAsync<VehicleBusException>(
            async () => await car.ActuateAsync("Vehicle.Cabin.Window.Position", SignalValue.FromNumber(1)));

        Assert.Equal(VehicleBusError.UnknownSignal, error.Error);
        AssertUnchanged(before, await car.GetSnapshotAsync());
    }

    [Fact]
    public async Task ActuateAsync_OutOfRange_ThrowsAndKeepsValue()
    {
        var (car, _) = Create();
        using var __ = car;

        var error = await Assert.ThrowsAsync<VehicleBusException>(
            async () => await car.ActuateAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation), SignalValue.FromNumber(40)));

        Assert.Equal(VehicleBusError.OutOfRange, error.Error);
        Assert.Equal(24, (await car.GetAsync(VssPaths.HvacTemperature(VssPlaces.DriverStation))).AsNumber());
    }

    [Fact]
    public async Task ActuateAsync_WrongType_ThrowsWrongType()
    {
        var (car, _) = Create();
        using var __ = car;

        var error = await Assert.ThrowsAsync<VehicleBusException>(
            async () => await car.ActuateAsync(DriverWindow, SignalValue.FromBoolean(true)));

        Assert.Equal(VehicleBusError.WrongType, error.Error);
    }

    [Fact]
    public async Task ActuateAsync_Sensor_ThrowsNotAnActuator()
    {
        var (car, _) = Create();
        using var __ = car;

        var error = await Assert.ThrowsAsync<VehicleBusException>(
            async () => await car.ActuateAsync(VssPaths.Speed, SignalValue.FromNumber(0)));

        Assert.Equal(VehicleBusError.NotAnActuator, error.Error);
    }

    [Fact]
    public async Task ActuateAsync_ConcurrentFromManyThreads_EndsConsistentAndSubscribersSeeEveryFinalValue()
    {
        var (car, clock) = Create();
        using var __ = car;
        var last = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        using var subscription = car.Subscribe(c =>
        {
            if (c.Value.Kind == SignalValueKind.Number)
            {
                last[c.Path] = c.Value.AsNumber();
            }
        });
        var stations = VssPlaces.HvacStations;

        await Parallel.ForAsync(0, 400, async (i, ct) =>
        {
            var station = stations[i % stations.Count];
            await car.ActuateAsync(VssPaths.HvacTemperature(station), SignalValue.FromNumber(16 + (i % 17)), ct);
            await car.ActuateAsync(VssPaths.WindowPosition(VssPlaces.All[i % 4]), SignalValue.FromNumber(i % 4 * 25), ct);
            _ = await car.GetSnapshotAsync(ct);
        });
        clock.Advance(TimeSpan.FromSeconds(10));

        var snapshot = await car.GetSnapshotAsync();
        for (var p = 0; p < 4; p++)
        {
            var path = VssPaths.WindowPosition(VssPlaces.All[p]);
            Assert.Equal(p * 25, snapshot.Number(path));
        }

        foreach (var station in stations)
        {
            var path = VssPaths.HvacTemperature(station);
            Assert.InRange(snapshot.Number(path), 16, 32);
            Assert.Equal(snapshot.Number(path), last[path]);
        }
    }

    private static void AssertUnchanged(VehicleSnapshot before, VehicleSnapshot after)
    {
        foreach (var path in before.Paths)
        {
            Assert.Equal(before[path], after[path]);
        }
    }
}
