using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Simulator;

/// <summary>How the simulated car behaves. Bound from the <c>Simulator</c> configuration section.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: SimulatorOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The situation the car starts in.</summary>
    public DrivingScenario Scenario { get; set; } = DrivingScenario.Parked;

    /// <summary>Time a window takes from closed to fully open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan WindowTravelTime { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Time the sunroof and its shade take from closed to fully open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan SunroofTravelTime { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often moving parts and temperatures are updated and subscribers told.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Time constant of the cabin temperature toward the setpoint while the air conditioning runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CabinResponseTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time constant of the cabin temperature toward the outside while the air conditioning is off.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "10:00:00")]
    public TimeSpan CabinLeakTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The value each signal starts with, by VSS path, written as configuration writes it (<c>24</c>, <c>true</c>,
    /// <c>STOP</c>); <c>Simulator:StartValues:Vehicle.Cabin.HVAC.AmbientAirTemperature=30</c> replaces one default.
    /// A value that does not fit its signal (unknown path, wrong type, out of range) stops the start.
    /// </summary>
    /// <remarks>
    /// A signal without a start value starts neutral: a number at 0 moved into its range (a 16–32 °C setpoint starts
    /// at 16), a boolean false, a string at its first allowed value or empty. Speed, gear, rain and the outside
    /// temperature are the <see cref="Scenario"/>'s and replace any start value.
    /// </remarks>
    public Dictionary<string, string> StartValues { get; } = DefaultStartValues();

    /// <summary>
    /// Faults injected into actuators, by VSS path: <c>Simulator:Faults:Vehicle.Cabin.Door.Row1.DriverSide.Window.Position=Partial</c>.
    /// A path that is not an actuator stops the start.
    /// </summary>
    public Dictionary<string, ActuatorFault> Faults { get; } = new(StringComparer.Ordinal);

    private static Dictionary<string, string> DefaultStartValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VssPaths.CabinTemperature] = "24",
            [VssPaths.FuelLevel] = "62",
            [VssPaths.BatteryLevel] = "80",
            [VssPaths.Range] = "420000",
            [VssPaths.MediaVolume] = "30",
            [VssPaths.MediaAction] = "STOP",
            [VssPaths.ScreenBrightness] = "60",
            [VssPaths.AmbientLightColor] = "#FFFFFF",
            [VssPaths.WiperMode] = "OFF",

            // The reference cloud server's sample city is around this point.
            [VssPaths.Latitude] = "30.2741",
            [VssPaths.Longitude] = "120.1551",
        };
        foreach (var place in VssPlaces.All)
        {
            values[VssPaths.DoorLocked(place)] = "true";
        }

        foreach (var station in VssPlaces.HvacStations)
        {
            values[VssPaths.HvacTemperature(station)] = "24";
            values[VssPaths.HvacFanSpeed(station)] = "29";
        }

        return values;
    }
}
