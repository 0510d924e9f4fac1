using System.ComponentModel.DataAnnotations;

namespace Car.VehicleBus.Simulator;

/// <summary>How the simulated car behaves. Bound from the <c>Simulator</c> configuration section.</summary>
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
}
