namespace Car.VehicleBus.Signals;

/// <summary>A change of a signal's current value, as subscribers see it.</summary>
/// <param name="IsAvailable">
/// False when the signal lost its source (the provider behind a broker went away): <see cref="Value"/> is then the
/// last value known, no longer current.
/// </param>
public sealed record SignalChange(string Path, SignalValue Value, DateTimeOffset Timestamp, bool IsAvailable = true);
