namespace Car.VehicleBus.Signals;

/// <summary>VSS signal kinds: sensors are read, actuators take a target value.</summary>
public enum SignalKind
{
    Sensor,
    Actuator,
}
