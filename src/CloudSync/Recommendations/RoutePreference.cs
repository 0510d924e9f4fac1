namespace Car.CloudSync.Recommendations;

/// <summary>The route preferences of the intent contract's nav.go.</summary>
public enum RoutePreference
{
    /// <summary>The server's choice.</summary>
    Default,
    AvoidCongestion,
    Fastest,
    NoHighway,
    AvoidToll,
}
