namespace Car.VehicleBus.Can.Mapping;

/// <summary>A VSS signal and the DBC signals behind it.</summary>
/// <param name="Path">The VSS path.</param>
/// <param name="Current">Where the ECU reports the current value (sensor, or an actuator's actual position); null if it does not.</param>
/// <param name="Target">Where the head unit requests an actuator's target; null for a sensor.</param>
public sealed record CanSignalMapping(string Path, CanSignalBinding? Current, CanSignalBinding? Target);
