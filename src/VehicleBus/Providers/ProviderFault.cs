namespace Car.VehicleBus.Providers;

/// <summary>How a provider misbehaves on purpose, to see that the driver is told the truth.</summary>
public enum ProviderFault
{
    /// <summary>A good provider.</summary>
    None,

    /// <summary>Leaves the broker when the first actuation arrives (its claims go with it) and does not come back.</summary>
    Gone,

    /// <summary>Stays connected and keeps its claims, but never carries out or answers an actuation.</summary>
    Silent,
}
