namespace Car.VehicleBus.Simulator;

/// <summary>A fault injected into one simulated actuator (<c>Simulator:Faults:PATH=Stuck</c>, or <c>car serve --fault PATH=stuck</c>).</summary>
public enum ActuatorFault
{
    /// <summary>Works.</summary>
    None,

    /// <summary>Takes the target and does not move.</summary>
    Stuck,

    /// <summary>Moves at a fifth of its speed (a tired motor): it gets there, late.</summary>
    Slow,

    /// <summary>Stops halfway to the target, as a window does on an obstacle.</summary>
    Partial,
}
