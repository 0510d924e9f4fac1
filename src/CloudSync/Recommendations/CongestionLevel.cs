namespace Car.CloudSync.Recommendations;

/// <summary>How busy a route is along its length.</summary>
public enum CongestionLevel
{
    Unknown,
    Free,
    Slow,
    Jammed,
}
