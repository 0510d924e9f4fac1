using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>An action as sent: its target, whether the current value reached it, and the bus's error if rejected.</summary>
public sealed record ActionResult(string Signal, SignalValue Value, bool Confirmed, string? Error = null);
