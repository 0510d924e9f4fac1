using System.ComponentModel.DataAnnotations;

namespace Car.Assistant.Policy;

/// <summary>The thresholds and defaults the policy decides with. Section <c>Policy</c>.</summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Policy";

    /// <summary>From this speed (km/h) windows and sunroof open at most <see cref="MaxOpeningAtHighSpeed"/>.</summary>
    [Range(1, 250)]
    public double HighSpeedKmh { get; set; } = 80;

    /// <summary>The widest opening (percent) allowed at high speed; wider requests are refused with a reason.</summary>
    [Range(0, 100)]
    public int MaxOpeningAtHighSpeed { get; set; } = 30;

    /// <summary>From this speed (km/h) a stuffy cabin gets fresh air through the HVAC instead of a window.</summary>
    [Range(1, 250)]
    public double FreshAirSpeedKmh { get; set; } = 60;

    /// <summary>Rain intensity (percent) from which it counts as raining.</summary>
    [Range(1, 100)]
    public int RainThreshold { get; set; } = 10;

    /// <summary>How far a window opens for a need (有点闷) or a small step (再开大一点).</summary>
    [Range(1, 100)]
    public int ComfortOpening { get; set; } = 20;

    /// <summary>Seat heating/ventilation level when none is said (1–3).</summary>
    [Range(1, 3)]
    public int DefaultSeatLevel { get; set; } = 2;

    /// <summary>Below this outside temperature (°C) 有点冷 also warms the driver's seat.</summary>
    public double SeatHeatBelowOutsideCelsius { get; set; } = 12;
}
