namespace Car.Assistant.Policy.Safety;

/// <summary>
/// The safety envelope as code. Settings may tighten these (a lower speed threshold, a smaller opening), never
/// loosen them: <see cref="PolicyOptionsValidator"/> makes a loosening setting a configuration error.
/// </summary>
public static class SafetyLimits
{
    /// <summary>From this speed (km/h) windows and sunroof open at most <see cref="MaxOpeningAtHighSpeed"/>.</summary>
    public const double HighSpeedKmh = 80;

    /// <summary>The widest opening (percent) of a window or the sunroof at high speed.</summary>
    public const int MaxOpeningAtHighSpeed = 30;

    /// <summary>From this speed (km/h) a need for air is met by the HVAC, not by a window.</summary>
    public const double FreshAirSpeedKmh = 60;

    /// <summary>Rain intensity (percent) from which it counts as raining.</summary>
    public const int RainThreshold = 10;

    /// <summary>At or above this speed (km/h) the car is moving: no unlocking, no trunk.</summary>
    public const double MovingKmh = 1;

    /// <summary>A car in park reporting more than this (km/h) contradicts itself.</summary>
    public const double ParkedMaxKmh = 3;

    /// <summary>A speed above this (km/h) is not a reading but a fault.</summary>
    public const double MaxPlausibleKmh = 300;

    /// <summary>The cabin setpoints the HVAC accepts (°C).</summary>
    public const double MinSetpointCelsius = 16;

    public const double MaxSetpointCelsius = 32;

    /// <summary>A speed, gear or rain reading older than this is stale.</summary>
    public static readonly TimeSpan MaxReadingAge = TimeSpan.FromSeconds(2);
}
