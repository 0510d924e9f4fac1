namespace Car.VehicleBus.Signals;

/// <summary>VSS node types of a signal: sensors and attributes are read, actuators take a target value.</summary>
public enum SignalKind
{
    Sensor,
    Actuator,
    Attribute,
}
