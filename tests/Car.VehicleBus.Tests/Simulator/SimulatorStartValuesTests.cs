using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Car.VehicleBus.Tests.Simulator;

public class SimulatorStartValuesTests
{
    private static VehicleSimulator Create(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        configure?.Invoke(options);
        return new VehicleSimulator(TestCatalog.Bundled, Options.Create(options), new FakeTimeProvider());
    }

    [Fact]
    public async Task Constructor_DefaultOptions_StartsAsTheCarWasLeft()
    {
        using var car = Create();

        var snapshot = await car.GetSnapshotAsync();

        Assert.Equal(24, snapshot.Number(VssPaths.CabinTemperature));
        Assert.Equal(62, snapshot.Number(VssPaths.FuelLevel));
        Assert.Equal(80, snapshot.Number(VssPaths.BatteryLevel));
        Assert.Equal(420_000, snapshot.Number(VssPaths.Range));
        Assert.Equal(30, snapshot.Number(VssPaths.MediaVolume));
        Assert.Equal(60, snapshot.Number(VssPaths.ScreenBrightness));
        Assert.Equal("STOP", snapshot.Text(VssPaths.MediaAction));
        Assert.Equal("OFF", snapshot.Text(VssPaths.WiperMode));
        Assert.Equal("#FFFFFF", snapshot.Text(VssPaths.AmbientLightColor));
        Assert.Equal(VssGears.Park, snapshot.Number(VssPaths.SelectedGear));
        Assert.All(VssPlaces.All, p => Assert.True(snapshot.Boolean(VssPaths.DoorLocked(p))));
        Assert.All(VssPlaces.HvacStations, s => Assert.Equal(24, snapshot.Number(VssPaths.HvacTemperature(s))));
        Assert.All(VssPlaces.HvacStations, s => Assert.Equal(29, snapshot.Number(VssPaths.HvacFanSpeed(s))));
    }

    [Fact]
    public async Task Constructor_SignalsWithoutStartValue_StartNeutral()
    {
        using var car = Create(o =>
        {
            o.StartValues.Remove(VssPaths.HvacTemperature(VssPlaces.RearDriverStation));
            o.StartValues.Remove(VssPaths.MediaAction);
        });

        var snapshot = await car.GetSnapshotAsync();

        Assert.Equal(0, snapshot.Number(VssPaths.SunshadePosition));
        Assert.Equal(0, snapshot.Number(VssPaths.SunroofPosition));
        Assert.Equal(0, snapshot.Number(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide)));
        Assert.False(snapshot.Boolean(VssPaths.AirConditioning));
        Assert.Equal(string.Empty, snapshot.Text(VssPaths.NavigationDestination));
        Assert.Equal(16, snapshot.Number(VssPaths.HvacTemperature(VssPlaces.RearDriverStation)));
        Assert.Equal("UNKNOWN", snapshot.Text(VssPaths.MediaAction));
    }

    [Fact]
    public async Task Constructor_StartValuesFromOptions_Apply()
    {
        using var car = Create(o =>
        {
            o.StartValues[VssPaths.CabinTemperature] = "31.5";
            o.StartValues[VssPaths.AirConditioning] = "True";
            o.StartValues[VssPaths.WiperMode] = "RAIN_SENSOR";
            o.StartValues[VssPaths.SunshadePosition] = "100";
        });

        var snapshot = await car.GetSnapshotAsync();

        Assert.Equal(31.5, snapshot.Number(VssPaths.CabinTemperature));
        Assert.True(snapshot.Boolean(VssPaths.AirConditioning));
        Assert.Equal("RAIN_SENSOR", snapshot.Text(VssPaths.WiperMode));
        Assert.Equal(100, snapshot.Number(VssPaths.SunshadePosition));
    }

    [Theory]
    [InlineData("Vehicle.Cabin.Teleporter", "1", "there is no signal Vehicle.Cabin.Teleporter")]
    [InlineData(VssPaths.CabinTemperature, "warm", "'warm' is not a number.")]
    [InlineData(VssPaths.AirConditioning, "1", "'1' is not true or false.")]
    [InlineData(VssPaths.FuelLevel, "101", "takes values from 0 to 100 percent")]
    [InlineData(VssPaths.MediaVolume, "12.5", "takes a whole number")]
    [InlineData(VssPaths.WiperMode, "TURBO", "takes one of OFF, SLOW")]
    public void Constructor_StartValueThatDoesNotFit_ThrowsNamingThePath(string path, string value, string reason)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Create(o => o.StartValues[path] = value));

        var message = Assert.Single(error.Failures);
        Assert.StartsWith($"Simulator:StartValues:{path}: ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }
}
