namespace Car.VehicleBus.Can.Transport;

/// <summary>How a candump log is replayed.</summary>
public sealed class CandumpReplayOptions
{
    /// <summary>
    /// How fast the log's own timing is played: 1 as recorded, 2 twice as fast, 0 (the default) as fast as the reader
    /// takes frames.
    /// </summary>
    public double Speed { get; set; }

    /// <summary>Only frames logged on this interface; null or empty for all.</summary>
    public string? Interface { get; set; }
}
