using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Car.VehicleBus.Tests.Simulator;

public class ActuatorFaultTests
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);

    private static (VehicleSimulator Car, FakeTimeProvider Clock) Create(ActuatorFault fault)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var options = new SimulatorOptions();
        options.Faults[DriverWindow] = fault;
        options.Faults[VssPaths.AirConditioning] = fault;
        return (new VehicleSimulator(TestCatalog.Bundled, Options.Create(options), clock), clock);
    }

    [Fact]
    public async Task ActuateAsync_PartialWindow_StopsHalfway()
    {
        var (car, clock) = Create(ActuatorFault.Partial);
        using var _ = car;

        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(100));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(50, (await car.GetAsync(DriverWindow)).AsNumber());
    }

    [Fact]
    public async Task ActuateAsync_StuckWindowOrSwitch_StaysWhereItWas()
    {
        var (car, clock) = Create(ActuatorFault.Stuck);
        using var _ = car;

        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(100));
        await car.ActuateAsync(VssPaths.AirConditioning, SignalValue.FromBoolean(true));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, (await car.GetAsync(DriverWindow)).AsNumber());
        Assert.False((await car.GetAsync(VssPaths.AirConditioning)).AsBoolean());
    }

    [Fact]
    public async Task ActuateAsync_SlowWindow_TakesFiveTimesAsLong()
    {
        var (car, clock) = Create(ActuatorFault.Slow);
        using var _ = car;

        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(100));
        clock.Advance(TimeSpan.FromSeconds(4));
        var afterNormalTime = (await car.GetAsync(DriverWindow)).AsNumber();
        clock.Advance(TimeSpan.FromSeconds(16));

        Assert.Equal(20, afterNormalTime);
        Assert.Equal(100, (await car.GetAsync(DriverWindow)).AsNumber());
    }

    [Fact]
    public async Task SetFault_WhileRunning_NextTargetObeysItAndNoneRepairs()
    {
        var (car, clock) = Create(ActuatorFault.None);
        using var _ = car;

        car.SetFault(DriverWindow, ActuatorFault.Slow);
        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(100));
        clock.Advance(TimeSpan.FromSeconds(4));
        var slow = (await car.GetAsync(DriverWindow)).AsNumber();
        clock.Advance(TimeSpan.FromSeconds(16));
        car.SetFault(DriverWindow, ActuatorFault.Stuck);
        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(0));
        clock.Advance(TimeSpan.FromSeconds(4));
        var stuck = (await car.GetAsync(DriverWindow)).AsNumber();
        var injected = car.Faults;
        car.SetFault(DriverWindow, ActuatorFault.None);
        await car.ActuateAsync(DriverWindow, SignalValue.FromNumber(0));
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(20, slow);
        Assert.Equal(100, stuck);
        Assert.Equal(ActuatorFault.Stuck, injected[DriverWindow]);
        Assert.Equal(0, (await car.GetAsync(DriverWindow)).AsNumber());
        Assert.False(car.Faults.ContainsKey(DriverWindow));
    }

    [Fact]
    public void SetFault_Sensor_RefusedWithTheReason()
    {
        var (car, _) = Create(ActuatorFault.None);
        using var __ = car;

        var error = Assert.Throws<VehicleBusException>(() => car.SetFault(VssPaths.Speed, ActuatorFault.Stuck));

        Assert.Equal(VehicleBusError.NotAnActuator, error.Error);
        Assert.Contains("only actuators take faults", error.Message, StringComparison.Ordinal);
    }
}
