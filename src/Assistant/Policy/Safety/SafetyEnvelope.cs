using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Policy.Safety;

/// <summary>
/// The invariants every target must satisfy at the moment it is sent, in one place for the executor, the
/// supervisor and the tests: no unlocking while moving, the trunk only in park, openings capped at high speed,
/// setpoints in the HVAC's range. The thresholds are the settings, which can only be tighter than <see cref="SafetyLimits"/>.
/// </summary>
public sealed class SafetyEnvelope(IOptions<PolicyOptions> options)
{
    private readonly PolicyOptions _options = options.Value;

    public double HighSpeedKmh => Math.Min(_options.HighSpeedKmh, SafetyLimits.HighSpeedKmh);

    public int MaxOpeningAtHighSpeed => Math.Min(_options.MaxOpeningAtHighSpeed, SafetyLimits.MaxOpeningAtHighSpeed);

    public DrivingSituation Read(VehicleSnapshot snapshot) =>
        DrivingSituation.Read(snapshot, Math.Min(_options.RainThreshold, SafetyLimits.RainThreshold));

    public bool IsHighSpeed(DrivingSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return situation.SpeedKmh >= HighSpeedKmh;
    }

    /// <summary>Why sending <paramref name="action"/> now would leave the envelope, in the driver's words; null when it may go.</summary>
    public string? Violation(PlannedAction action, DrivingSituation situation)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(situation);
        var signal = action.Signal;
        if (IsDoorLock(signal) && action.Value == SignalValue.FromBoolean(false) && situation.IsMoving)
        {
            return "行驶中不能解锁车门，请停车后再试";
        }

        if (signal == VssPaths.TrunkOpen && action.Value == SignalValue.FromBoolean(true) && !situation.IsParked)
        {
            return "行驶中不能打开后备箱，请停车挂 P 挡后再试";
        }

        if (IsOpening(signal) && action.Value.Kind == SignalValueKind.Number && action.Value.AsNumber() > MaxOpeningAtHighSpeed
            && IsHighSpeed(situation))
        {
            return $"车速较快，为了安全{OpeningName(signal)}最多只能打开 {MaxOpeningAtHighSpeed}%";
        }

        if (IsSetpoint(signal) && action.Value.Kind == SignalValueKind.Number
            && action.Value.AsNumber() is < SafetyLimits.MinSetpointCelsius or > SafetyLimits.MaxSetpointCelsius)
        {
            return $"温度只能设在 {SafetyLimits.MinSetpointCelsius}–{SafetyLimits.MaxSetpointCelsius} 度之间";
        }

        return null;
    }

    /// <summary>The targets that bring openings back inside the envelope (windows and sunroof wider than allowed now).</summary>
    public IReadOnlyList<PlannedAction> Corrections(VehicleSnapshot snapshot, DrivingSituation situation)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!IsHighSpeed(situation))
        {
            return [];
        }

        return
        [
            .. Openings.Where(path => snapshot[path].AsNumber() > MaxOpeningAtHighSpeed)
                .Select(path => PlannedAction.Number(path, MaxOpeningAtHighSpeed)),
        ];
    }

    /// <summary>Every signal that opens the cabin to the outside: the four windows and the sunroof.</summary>
    public static IReadOnlyList<string> Openings { get; } =
        [.. VssPlaces.All.Select(VssPaths.WindowPosition), VssPaths.SunroofPosition];

    public static bool IsOpening(string signal) => Openings.Contains(signal);

    public static string OpeningName(string signal) => signal == VssPaths.SunroofPosition ? "天窗" : "车窗";

    private static bool IsDoorLock(string signal) => VssPlaces.All.Any(p => VssPaths.DoorLocked(p) == signal);

    private static bool IsSetpoint(string signal) => VssPlaces.HvacStations.Any(s => VssPaths.HvacTemperature(s) == signal);
}
