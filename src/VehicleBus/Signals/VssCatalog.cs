using static Car.VehicleBus.Signals.SignalDataType;
using static Car.VehicleBus.Signals.SignalKind;

namespace Car.VehicleBus.Signals;

/// <summary>Builds the catalog of every signal the intent contract controls or the policy reads.</summary>
public static class VssCatalog
{
    /// <summary>The gears VSS encodes in SelectedGear: 127 park, 126 drive, -1 reverse, 0 neutral.</summary>
    public const int GearPark = 127;
    public const int GearDrive = 126;

    public static readonly IReadOnlyList<string> WiperModes = ["OFF", "SLOW", "MEDIUM", "FAST", "INTERVAL", "RAIN_SENSOR"];
    public static readonly IReadOnlyList<string> MediaActions =
        ["UNKNOWN", "STOP", "PLAY", "FAST_FORWARD", "FAST_BACKWARD", "SKIP_FORWARD", "SKIP_BACKWARD"];

    public static SignalCatalog CreateDefault()
    {
        var signals = new List<SignalDefinition>
        {
            Number(VssPaths.Speed, Float, Sensor, "km/h", 0, 250, 0),
            Number(VssPaths.SelectedGear, Int8, Sensor, null, -1, 127, GearPark),
            Number(VssPaths.RainIntensity, UInt8, Sensor, "percent", 0, 100, 0),
            Number(VssPaths.OutsideTemperature, Float, Sensor, "celsius", -40, 60, 20),
            Number(VssPaths.CabinTemperature, Float, Sensor, "celsius", -40, 80, 24),
            Number(VssPaths.FuelLevel, UInt8, Sensor, "percent", 0, 100, 62),
            Number(VssPaths.BatteryLevel, Float, Sensor, "percent", 0, 100, 80),
            Number(VssPaths.Range, SignalDataType.UInt32, Sensor, "m", 0, 2_000_000, 420_000),

            Number(VssPaths.SunroofPosition, Int8, Actuator, "percent", 0, 100, 0),
            Number(VssPaths.SunshadePosition, UInt8, Actuator, "percent", 0, 100, 0),
            Flag(VssPaths.AirConditioning, false),
            Flag(VssPaths.Recirculation, false),
            Flag(VssPaths.FrontDefroster, false),
            Flag(VssPaths.RearDefroster, false),
            Flag(VssPaths.AmbientLightOn, false),
            Text(VssPaths.AmbientLightColor, "白色", null),
            Text(VssPaths.WiperMode, "OFF", WiperModes),
            Flag(VssPaths.TrunkOpen, false),
            Number(VssPaths.MediaVolume, UInt8, Actuator, "percent", 0, 100, 30),
            Text(VssPaths.MediaAction, "STOP", MediaActions),
            Text(VssPaths.MediaSelectedUri, string.Empty, null),
            Flag(VssPaths.MediaMuted, false, isStandard: false),
            Number(VssPaths.ScreenBrightness, UInt8, Actuator, "percent", 0, 100, 60),
            Text(VssPaths.NavigationDestination, string.Empty, null, isStandard: false),
            Text(VssPaths.PhoneActiveCall, string.Empty, null, isStandard: false),
        };

        foreach (var place in VssPaths.Places)
        {
            signals.Add(Number(VssPaths.WindowPosition(place), UInt8, Actuator, "percent", 0, 100, 0));
            signals.Add(Flag(VssPaths.DoorLocked(place), true));
            signals.Add(Number(VssPaths.SeatHeatingCooling(place), Int8, Actuator, "percent", -100, 100, 0));
            signals.Add(Flag(VssPaths.ReadingLight(place), false));
        }

        foreach (var station in VssPaths.HvacStations)
        {
            signals.Add(Number(VssPaths.HvacTemperature(station), Float, Actuator, "celsius", 16, 32, 24));
            signals.Add(Number(VssPaths.HvacFanSpeed(station), UInt8, Actuator, "percent", 0, 100, 29));
        }

        return new SignalCatalog(signals);
    }

    private static SignalDefinition Number(
        string path, SignalDataType type, SignalKind kind, string? unit, double min, double max, double initial) =>
        new(path, type, kind, unit, min, max, null, SignalValue.FromNumber(initial));

    private static SignalDefinition Flag(string path, bool initial, bool isStandard = true) =>
        new(path, SignalDataType.Boolean, Actuator, null, null, null, null, SignalValue.FromBoolean(initial), isStandard);

    private static SignalDefinition Text(
        string path, string initial, IReadOnlyList<string>? allowed, bool isStandard = true) =>
        new(path, SignalDataType.String, Actuator, null, null, null, allowed, SignalValue.FromString(initial), isStandard);
}
