using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Air conditioning, temperatures (16–32 °C, clamped with a word; one said far outside changes nothing), fan levels 1–7,
/// recirculation and defrosting.
/// A temperature without a zone sets every station; setting one also turns the air conditioning on.
/// </summary>
public sealed class ClimateRules : IIntentRule
{
    public const double MinTemperature = 16;
    public const double MaxTemperature = 32;

    public IReadOnlyCollection<string> Intents { get; } =
    [
        IntentNames.ClimateOn, IntentNames.ClimateOff, IntentNames.ClimateSetTemperature, IntentNames.ClimateAdjustTemperature,
        IntentNames.ClimateSetFan, IntentNames.ClimateAdjustFan, IntentNames.ClimateRecirculation, IntentNames.ClimateDefrost,
    ];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        IntentNames.ClimateOn => IntentOutcome.Do("已为您打开空调", PlannedAction.Flag(VssPaths.AirConditioning, true)),
        IntentNames.ClimateOff => IntentOutcome.Do("已为您关闭空调", PlannedAction.Flag(VssPaths.AirConditioning, false)),
        IntentNames.ClimateSetTemperature => SetSaidTemperature(intent.Text(SlotNames.Zone), intent.Number(SlotNames.Value) ?? 24, context),
        IntentNames.ClimateAdjustTemperature => AdjustTemperature(intent.Text(SlotNames.Zone), intent.Number(SlotNames.Delta) ?? 0, context),
        IntentNames.ClimateSetFan => SetFan((int)Math.Round(intent.Number(SlotNames.Level) ?? 3)),
        IntentNames.ClimateAdjustFan => SetFan(context.Vehicle.FanLevel + (int)Math.Round(intent.Number(SlotNames.Delta) ?? 0)),
        IntentNames.ClimateRecirculation => Recirculation(intent.Text(SlotNames.Mode) == RecirculationModes.Inner),
        _ => Defrost(intent.Text(SlotNames.Target) ?? DefrostTargets.Front, intent.Flag(SlotNames.On) ?? true),
    };

    /// <summary>
    /// How far past the range a temperature said is still taken as "as warm (cool) as it goes" (40 度 → 32, 10 度 → 16);
    /// further (五十度, 七十二度 in Fahrenheit, 一百度) it is more likely misheard or another scale, and nothing changes.
    /// </summary>
    public const double ClampedMargin = 8;

    /// <summary>A temperature the driver said: clamped just past the range, refused with the range further out.</summary>
    public static IntentOutcome SetSaidTemperature(string? zone, double value, PolicyContext context) =>
        value < MinTemperature - ClampedMargin || value > MaxTemperature + ClampedMargin
            ? IntentOutcome.OutsideRange("温度", $"{MinTemperature}–{MaxTemperature} 度")
            : SetTemperature(zone, value, context);

    public static IntentOutcome SetTemperature(string? zone, double value, PolicyContext context)
    {
        var clamped = Math.Clamp(value, MinTemperature, MaxTemperature);
        var actions = Places.StationsForZone(zone)
            .Select(s => PlannedAction.Number(VssPaths.HvacTemperature(s), clamped))
            .ToList();
        if (!context.Vehicle.AirConditioningOn)
        {
            actions.Insert(0, PlannedAction.Flag(VssPaths.AirConditioning, true));
        }

        var where = Places.ZoneName(zone);
        var reply = clamped == value
            ? $"已将{where}温度调到 {Degrees(clamped)} 度"
            : $"温度范围是 {MinTemperature}–{MaxTemperature} 度，已为您调到{(clamped < value ? "最高" : "最低")} {Degrees(clamped)} 度";
        return IntentOutcome.Do(reply, actions);
    }

    public static IntentOutcome AdjustTemperature(string? zone, double delta, PolicyContext context)
    {
        var current = context.Vehicle.Setpoint(Places.StationsForZone(zone)[0]);
        return SetTemperature(zone, current + delta, context);
    }

    public static IntentOutcome SetFan(int level)
    {
        var clamped = Math.Clamp(level, FanLevels.Min, FanLevels.Max);
        var actions = VssPlaces.HvacStations
            .Select(s => PlannedAction.Number(VssPaths.HvacFanSpeed(s), FanLevels.ToPercent(clamped)));
        var reply = clamped == level ? $"已将风量调到 {clamped} 档" : $"风量已经调到{(clamped == FanLevels.Max ? "最大" : "最小")} {clamped} 档";
        return IntentOutcome.Do(reply, actions);
    }

    public static IntentOutcome Recirculation(bool inner) =>
        IntentOutcome.Do(inner ? "已切换到内循环" : "已切换到外循环", PlannedAction.Flag(VssPaths.Recirculation, inner));

    private static IntentOutcome Defrost(string target, bool on)
    {
        var signal = target == DefrostTargets.Rear ? VssPaths.RearDefroster : VssPaths.FrontDefroster;
        var name = target == DefrostTargets.Rear ? "后挡除霜" : "前挡除雾";
        return IntentOutcome.Do(on ? $"已为您打开{name}" : $"已为您关闭{name}", PlannedAction.Flag(signal, on));
    }

    private static string Degrees(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
