namespace Car.VehicleBus.Signals;

/// <summary>A change of a signal's current value, as subscribers see it.</summary>
public sealed record SignalChange(string Path, SignalValue Value, DateTimeOffset Timestamp);
