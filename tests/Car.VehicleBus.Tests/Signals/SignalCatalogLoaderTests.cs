using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Tests.Signals;

public sealed class SignalCatalogLoaderTests : IDisposable
{
    private const string Specification = "vss.json";
    private const string Overlay = "overlay.json";

    private const string Window = """
        {"Vehicle": {"type": "branch", "description": "Vehicle.", "children": {
          "Window": {"datatype": "uint8", "type": "actuator", "min": 0, "max": 100, "unit": "percent", "description": "Window."}}}}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("car-vss-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_BundledCatalog_HasEverySignalCarUses()
    {
        var catalog = TestCatalog.Bundled;

        Assert.Equal(54, catalog.Signals.Count);
        Assert.All(catalog.Signals, s => Assert.StartsWith("Vehicle.", s.Path, StringComparison.Ordinal));
        foreach (var place in VssPlaces.All)
        {
            Assert.True(catalog.TryGet(VssPaths.WindowPosition(place), out _));
            Assert.True(catalog.TryGet(VssPaths.DoorLocked(place), out _));
            Assert.True(catalog.TryGet(VssPaths.SeatHeatingCooling(place), out _));
            Assert.True(catalog.TryGet(VssPaths.ReadingLight(place), out _));
        }

        foreach (var station in VssPlaces.HvacStations)
        {
            Assert.True(catalog.TryGet(VssPaths.HvacTemperature(station), out _));
            Assert.True(catalog.TryGet(VssPaths.HvacFanSpeed(station), out _));
        }
    }

    [Fact]
    public void Load_Int64AndArrays_ReadWithTheirBoundsAndArrayFlag()
    {
        Write(Specification, """
            {"Vehicle": {"type": "branch", "description": "V.", "children": {
              "Odometer": {"datatype": "uint64", "type": "sensor", "description": "O."},
              "Offset": {"datatype": "int64", "type": "sensor", "description": "O."},
              "Codes": {"datatype": "uint8[]", "type": "sensor", "min": 1, "max": 9, "description": "C."}}}}
            """);

        var catalog = SignalCatalogLoader.Load(Path.Combine(_directory, Specification));

        Assert.Equal(SignalDataType.UInt64, catalog.Get("Vehicle.Odometer").DataType);
        Assert.Equal(long.MinValue, catalog.Get("Vehicle.Offset").Min);
        var codes = catalog.Get("Vehicle.Codes");
        Assert.True(codes.IsArray);
        Assert.Equal((SignalDataType.UInt8, 1d, 9d), (codes.DataType, codes.Min, codes.Max));
    }

    [Fact]
    public void Load_BundledCatalog_OnlyOverlaySignalsAreNonStandard()
    {
        var own = TestCatalog.Bundled.Signals.Where(s => !s.IsStandard).Select(s => s.Path).Order(StringComparer.Ordinal);

        Assert.Equal([VssPaths.MediaMuted, VssPaths.NavigationDestination, VssPaths.PhoneActiveCall], own);
    }

    [Fact]
    public void Load_BundledCatalog_StatesVssMeaning()
    {
        var catalog = TestCatalog.Bundled;

        var shade = catalog.Get(VssPaths.SunshadePosition);
        var gear = catalog.Get(VssPaths.SelectedGear);
        var color = catalog.Get(VssPaths.AmbientLightColor);
        var brightness = catalog.Get(VssPaths.ScreenBrightness);
        var wiper = catalog.Get(VssPaths.WiperMode);

        Assert.Equal((SignalDataType.UInt8, SignalKind.Actuator, 0.0, 100.0, "percent"), (shade.DataType, shade.Kind, shade.Min!.Value, shade.Max!.Value, shade.Unit));
        Assert.Equal((SignalDataType.Int8, -128.0, 127.0), (gear.DataType, gear.Min!.Value, gear.Max!.Value));
        Assert.Equal(SignalDataType.String, color.DataType);
        Assert.Null(color.AllowedValues);
        Assert.Equal(SignalDataType.Float, brightness.DataType);
        Assert.Equal(["OFF", "SLOW", "MEDIUM", "FAST", "INTERVAL", "RAIN_SENSOR"], wiper.AllowedValues);
    }

    [Fact]
    public void Load_BundledOverlay_RefinesStandardSignalsAndKeepsThemStandard()
    {
        var catalog = TestCatalog.Bundled;

        var setpoint = catalog.Get(VssPaths.HvacTemperature(VssPlaces.RearPassengerStation));
        var sunroof = catalog.Get(VssPaths.SunroofPosition);
        var gear = catalog.Get(VssPaths.SelectedGear);

        Assert.Equal((SignalDataType.Float, 16.0, 32.0, "celsius", true), (setpoint.DataType, setpoint.Min!.Value, setpoint.Max!.Value, setpoint.Unit, setpoint.IsStandard));
        Assert.Equal((SignalKind.Actuator, -100.0, 100.0, true), (sunroof.Kind, sunroof.Min!.Value, sunroof.Max!.Value, sunroof.IsStandard));
        Assert.Equal(SignalKind.Sensor, gear.Kind);
    }

    [Fact]
    public void Load_WithoutOverlay_HasNoOwnSignals()
    {
        var catalog = SignalCatalogLoader.Load(new SignalCatalogOptions { Overlay = null });

        Assert.All(catalog.Signals, s => Assert.True(s.IsStandard));
        Assert.False(catalog.TryGet(VssPaths.MediaMuted, out _));
        Assert.Equal(SignalDataType.Int8, catalog.Get(VssPaths.HvacTemperature(VssPlaces.DriverStation)).DataType);
    }

    [Fact]
    public void Load_IntegerWithoutRange_TakesItsDatatypesRange()
    {
        var catalog = Load("""{"Vehicle": {"type": "branch", "description": "V.", "children": {"Count": {"datatype": "uint16", "type": "sensor", "description": "C."}}}}""");

        var count = catalog.Get("Vehicle.Count");

        Assert.Equal((0.0, 65535.0), (count.Min!.Value, count.Max!.Value));
    }

    [Fact]
    public void Load_MissingSpecification_NamesTheFile()
    {
        var file = Path.Combine(_directory, "absent.json");

        var error = Assert.Throws<SignalCatalogException>(() => SignalCatalogLoader.Load(file));

        Assert.Equal($"The VSS catalog '{file}' is unusable: the file does not exist.", error.Message);
        Assert.Equal(file, error.File);
    }

    [Fact]
    public void Load_MissingOverlay_NamesTheOverlay()
    {
        Write(Specification, Window);

        var error = Assert.Throws<SignalCatalogException>(() => SignalCatalogLoader.Load(new SignalCatalogOptions { Directory = _directory, Specification = Specification, Overlay = "absent.json" }));

        Assert.Equal(Path.Combine(_directory, "absent.json"), error.File);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnreadableJson_NamesTheFileAndWhere()
    {
        var error = Assert.Throws<SignalCatalogException>(() => Load("""{"Vehicle": {"type": "branch",, }"""));

        Assert.StartsWith($"The VSS catalog '{Path.Combine(_directory, Specification)}' is unusable: it is not readable JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Path);
    }

    [Theory]
    [InlineData("""{"datatype": "timestamp", "type": "sensor", "description": "S."}""", "has datatype 'timestamp', which Car does not support")]
    [InlineData("""{"datatype": "Types.Position", "type": "actuator", "description": "S."}""", "has datatype 'Types.Position'")]
    [InlineData("""{"type": "sensor", "description": "S."}""", "is a sensor without a datatype.")]
    [InlineData("""{"datatype": "float", "description": "S."}""", "has no type (branch, sensor, actuator or attribute).")]
    [InlineData("""{"datatype": "float", "type": "signal", "description": "S."}""", "has type 'signal'")]
    [InlineData("""{"datatype": "int8", "type": "actuator", "min": 10, "max": -10, "description": "S."}""", "has min 10 greater than max -10.")]
    [InlineData("""{"datatype": "uint8", "type": "actuator", "min": -1, "max": 100, "description": "S."}""", "has a range (-1 to 100) beyond what uint8 holds (0 to 255).")]
    [InlineData("""{"datatype": "float", "type": "sensor", "min": "low", "description": "S."}""", "has 'min' that is not a number.")]
    [InlineData("""{"datatype": "boolean", "type": "actuator", "max": 1, "description": "S."}""", "has min or max, which a boolean cannot have.")]
    [InlineData("""{"datatype": "uint8", "type": "actuator", "allowed": ["LOW"], "description": "S."}""", "has allowed values; Car supports them on strings only")]
    [InlineData("""{"datatype": "string", "type": "actuator", "allowed": "LOW", "description": "S."}""", "has 'allowed' that is not a list of strings.")]
    [InlineData("""{"datatype": "string", "type": "actuator", "description": "S.", "children": {}}""", "is an actuator and cannot have children")]
    [InlineData("""["not", "a", "node"]""", "must be a JSON object, not Array.")]
    public void Load_MalformedLeaf_NamesTheFileAndThePath(string leaf, string problem)
    {
        var error = Assert.Throws<SignalCatalogException>(() => Load(
            """{"Vehicle": {"type": "branch", "description": "V.", "children": {"Cabin": {"type": "branch", "description": "C.", "children": {"Odd": """
            + leaf + "}}}}}"));

        Assert.StartsWith($"The VSS catalog '{Path.Combine(_directory, Specification)}' is unusable: Vehicle.Cabin.Odd ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("Vehicle.Cabin.Odd", error.Path);
    }

    [Fact]
    public void Load_OverlayBreaksStandardRange_NamesTheOverlay()
    {
        var error = Assert.Throws<SignalCatalogException>(() => Load(Window, """{"Vehicle": {"children": {"Window": {"min": 50, "max": 20}}}}"""));

        Assert.Equal(
            $"The VSS catalog '{Path.Combine(_directory, Overlay)}' is unusable: Vehicle.Window has min 50 greater than max 20.",
            error.Message);
    }

    [Fact]
    public void Load_OverlayAddsLeafWithoutDatatype_NamesTheOverlayAndPath()
    {
        var error = Assert.Throws<SignalCatalogException>(() => Load(Window, """{"Vehicle": {"children": {"Horn": {"type": "actuator", "description": "H."}}}}"""));

        Assert.Equal($"The VSS catalog '{Path.Combine(_directory, Overlay)}' is unusable: Vehicle.Horn is an actuator without a datatype.", error.Message);
    }

    [Fact]
    public void Load_OverlayAddsBranchWithoutType_NamesTheBranch()
    {
        var error = Assert.Throws<SignalCatalogException>(() => Load(Window,
            """{"Vehicle": {"children": {"Phone": {"children": {"Contact": {"datatype": "string", "type": "actuator", "description": "C."}}}}}}"""));

        Assert.Equal("Vehicle.Phone", error.Path);
        Assert.Contains("has no type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OverlayChangesAField_KeepsTheRestOfTheStandardSignal()
    {
        var catalog = Load(Window, """{"Vehicle": {"children": {"Window": {"max": 80}, "Horn": {"datatype": "boolean", "type": "actuator", "description": "H."}}}}""");

        var window = catalog.Get("Vehicle.Window");
        var horn = catalog.Get("Vehicle.Horn");

        Assert.Equal((SignalDataType.UInt8, SignalKind.Actuator, 0.0, 80.0, "percent", true), (window.DataType, window.Kind, window.Min!.Value, window.Max!.Value, window.Unit, window.IsStandard));
        Assert.False(horn.IsStandard);
    }

    [Fact]
    public void Load_SamePathTwiceInOneFile_NamesThePath()
    {
        var error = Assert.Throws<SignalCatalogException>(() => Load(
            """{"Vehicle": {"type": "branch", "description": "V.", "children": {"A": {"datatype": "boolean", "type": "sensor", "description": "A."}, "A": {"datatype": "boolean", "type": "sensor", "description": "A."}}}}"""));

        Assert.Equal("Vehicle.A", error.Path);
        Assert.Contains("is defined twice", error.Message, StringComparison.Ordinal);
    }

    private SignalCatalog Load(string specification, string? overlay = null)
    {
        Write(Specification, specification);
        if (overlay is not null)
        {
            Write(Overlay, overlay);
        }

        return SignalCatalogLoader.Load(new SignalCatalogOptions
        {
            Directory = _directory,
            Specification = Specification,
            Overlay = overlay is null ? null : Overlay,
        });
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_directory, name), json);
}
