namespace Car.CloudSync.Server.Maps.Sample;

/// <summary>A directed road segment of the sample city.</summary>
internal sealed record RoadEdge(int From, int To, string Road, bool IsHighway, bool IsToll, double LengthMeters, double FreeSpeedMps, double Busyness)
{
    /// <summary>How much of the free speed is left at this hour: rush hours (7–9, 17–19) are slowest.</summary>
    public double SpeedRatio(int hour)
    {
        var rush = hour switch
        {
            7 or 8 or 17 or 18 => 1.0,
            9 or 19 => 0.7,
            >= 10 and <= 16 => 0.45,
            20 or 21 or 6 => 0.3,
            _ => 0.05,
        };
        return 1 - (0.8 * Busyness * rush);
    }

    public double Seconds(int hour) => LengthMeters / (FreeSpeedMps * SpeedRatio(hour));
}
