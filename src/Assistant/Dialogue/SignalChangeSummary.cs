using Car.VehicleBus.Signals;

namespace Car.Assistant.Dialogue;

/// <summary>A signal whose current value moved during a turn: where it started and where it ended.</summary>
public sealed record SignalChangeSummary(string Signal, SignalValue Before, SignalValue After);
