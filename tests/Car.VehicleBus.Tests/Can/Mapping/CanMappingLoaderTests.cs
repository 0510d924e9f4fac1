using Car.VehicleBus.Can.Mapping;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Tests.Can.Mapping;

public class CanMappingLoaderTests
{
    [Fact]
    public void Load_SampleMapping_ReadsBindingsValueMapsAndTransforms()
    {
        var mapping = CanMappingLoader.Load(SampleNetwork.MappingFile);
        var locked = mapping.Signals.Single(s => s.Path == VssPaths.DoorLocked(VssPlaces.DriverSide));
        var fan = mapping.Signals.Single(s => s.Path == VssPaths.HvacFanSpeed(VssPlaces.DriverStation));

        Assert.Equal("car-body-climate.dbc", mapping.DbcFile);
        Assert.Equal(new CanValuePair(SignalValue.FromBoolean(true), "Locked"), locked.Current!.Values![0]);
        Assert.Equal("LockReqFL", locked.Target!.Signal);
        Assert.Equal(new CanLinearTransform(10, 0), fan.Current!.Linear);
        Assert.Null(mapping.Signals.Single(s => s.Path == VssPaths.CabinTemperature).Target);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{ "signals": {} }""", "needs \"dbc\"")]
    [InlineData("""{ "dbc": "x.dbc", "signals": { "P": {} } }""", "neither")]
    [InlineData("""{ "dbc": "x.dbc", "signals": { "P": { "current": { "message": "M" } } } }""", "needs \"signal\"")]
    [InlineData("""{ "dbc": "x.dbc", "signals": { "P": { "current": { "message": "M", "signal": "S", "linear": { "factor": 0 } } } } }""", "factor of 0")]
    public void Parse_Malformed_SaysWhy(string json, string expected)
    {
        var error = Assert.Throws<CanMappingException>(() => CanMappingLoader.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
