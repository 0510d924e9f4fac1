namespace Car.VehicleBus.Signals;

/// <summary>Why the bus rejected a request.</summary>
public enum VehicleBusError
{
    UnknownSignal,
    WrongType,
    OutOfRange,
    NotAnActuator,
}
