using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy.Safety;

/// <summary>
/// Speed, gear and rain as the safety decisions may use them. Each reading is checked (a number, in range, fresh,
/// speed and gear agreeing); when any is implausible or stale the situation fails safe: moving fast, not parked,
/// raining, with the reasons kept for the log and the reply.
/// </summary>
public sealed record DrivingSituation(double SpeedKmh, bool InPark, bool Raining, IReadOnlyList<string> Doubts)
{
    public bool IsPlausible => Doubts.Count == 0;

    public bool IsMoving => SpeedKmh >= SafetyLimits.MovingKmh;

    public bool IsParked => InPark && !IsMoving;

    public static DrivingSituation Read(VehicleSnapshot snapshot, double rainThreshold)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var doubts = new List<string>();
        var speed = Reading(snapshot, VssPaths.Speed, 0, SafetyLimits.MaxPlausibleKmh, doubts);
        var gear = Reading(snapshot, VssPaths.SelectedGear, sbyte.MinValue, byte.MaxValue, doubts);
        var rain = Reading(snapshot, VssPaths.RainIntensity, 0, 100, doubts);
        var inPark = gear == VssGears.Park;
        if (inPark && speed > SafetyLimits.ParkedMaxKmh)
        {
            doubts.Add($"gear P at {speed} km/h");
        }

        return doubts.Count > 0
            ? new DrivingSituation(SafetyLimits.MaxPlausibleKmh, InPark: false, Raining: true, doubts)
            : new DrivingSituation(speed!.Value, inPark, rain >= rainThreshold, doubts);
    }

    private static double? Reading(VehicleSnapshot snapshot, string path, double min, double max, List<string> doubts)
    {
        var value = snapshot[path];
        if (value.Kind != SignalValueKind.Number || !double.IsFinite(value.AsNumber()) || value.AsNumber() < min || value.AsNumber() > max)
        {
            doubts.Add($"{path} = {value}");
            return null;
        }

        if (snapshot.Age(path) > SafetyLimits.MaxReadingAge)
        {
            doubts.Add($"{path} is {snapshot.Age(path).TotalSeconds:0.#} s old");
            return null;
        }

        return value.AsNumber();
    }
}
