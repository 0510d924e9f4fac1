namespace Car.VehicleBus.Signals;

/// <summary>Why the bus rejected a request.</summary>
public enum VehicleBusError
{
    UnknownSignal,
    WrongType,
    OutOfRange,
    NotAnActuator,

    /// <summary>Nothing can carry it out now: no provider owns the actuator, or the broker cannot be reached.</summary>
    Unavailable,

    /// <summary>The broker's token does not allow it.</summary>
    PermissionDenied,
}
