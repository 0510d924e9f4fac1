using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>One line of a candump log: when, on which interface, which frame.</summary>
/// <param name="Timestamp">Seconds since the Unix epoch, as candump writes them (<c>(1700000000.250000)</c>); null when the line has none.</param>
public readonly record struct CandumpRecord(decimal? Timestamp, string Interface, CanFrame Frame);
