namespace Car.VehicleBus.Signals;

/// <summary>What a <see cref="SignalValue"/> holds.</summary>
public enum SignalValueKind
{
    Number,
    Boolean,
    String,
}
