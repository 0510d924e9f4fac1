namespace Car.VehicleBus.Simulator;

/// <summary>The situations the simulator can put the car in.</summary>
public enum DrivingScenario
{
    /// <summary>Parked, gear P, dry, 20 °C outside.</summary>
    Parked,

    /// <summary>Driving 40 km/h in town, dry, 26 °C outside.</summary>
    City,

    /// <summary>Driving 110 km/h on a motorway, dry, 26 °C outside.</summary>
    Highway,

    /// <summary>Driving 50 km/h in rain (intensity 60 %), 15 °C outside.</summary>
    Rain,
}
