using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>One target value the policy decided to send to the bus.</summary>
public sealed record PlannedAction(string Signal, SignalValue Value);
