using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Tests.Signals;

public class SignalDefinitionTests
{
    private static readonly SignalCatalog Catalog = TestCatalog.Bundled;

    [Fact]
    public void Validate_WholeNumberInRange_Accepted()
    {
        var window = Catalog.Get(VssPaths.WindowPosition(VssPlaces.DriverSide));

        Assert.Null(window.Validate(SignalValue.FromNumber(20)));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(20.5)]
    [InlineData(double.NaN)]
    public void Validate_WindowOutsideRangeOrFractional_SaysWhy(double value)
    {
        var window = Catalog.Get(VssPaths.WindowPosition(VssPlaces.DriverSide));

        var reason = window.Validate(SignalValue.FromNumber(value));

        Assert.NotNull(reason);
        Assert.Contains(window.Path, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BooleanSignalGivenNumber_Rejected()
    {
        var reason = Catalog.Get(VssPaths.AirConditioning).Validate(SignalValue.FromNumber(1));

        Assert.Contains("boolean", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnumeratedStringOutsideItsValues_ListsAllowedValues()
    {
        var reason = Catalog.Get(VssPaths.WiperMode).Validate(SignalValue.FromString("TURBO"));

        Assert.Contains("RAIN_SENSOR", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownPath_ThrowsUnknownSignal()
    {
        var error = Assert.Throws<VehicleBusException>(() => Catalog.Get("Vehicle.Cabin.Teleporter"));

        Assert.Equal(VehicleBusError.UnknownSignal, error.Error);
        Assert.Contains("Vehicle.Cabin.Teleporter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicatePath_Rejected()
    {
        var signal = Catalog.Get(VssPaths.Speed);

        Assert.Throws<ArgumentException>(() => new SignalCatalog([signal, signal]));
    }
}
