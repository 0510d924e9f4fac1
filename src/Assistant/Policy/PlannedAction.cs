using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>One target value the policy decided to send to the bus.</summary>
public sealed record PlannedAction(string Signal, SignalValue Value)
{
    public static PlannedAction Number(string signal, double value) => new(signal, SignalValue.FromNumber(value));

    public static PlannedAction Flag(string signal, bool value) => new(signal, SignalValue.FromBoolean(value));

    public static PlannedAction Text(string signal, string value) => new(signal, SignalValue.FromString(value));
}
