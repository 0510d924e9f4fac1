using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Lights, wipers, doors and trunk. Unlocking the doors or opening the trunk while the car moves is refused. An
/// ambient light colour goes to the bus as VSS's <c>#RRGGBB</c> (<see cref="AmbientColors"/>), not as the word said.
/// </summary>
public sealed class CabinRules : IIntentRule
{
    public IReadOnlyCollection<string> Intents { get; } =
    [
        IntentNames.LightReading, IntentNames.LightAmbient, IntentNames.WiperSet, IntentNames.DoorLock,
        IntentNames.DoorUnlock, IntentNames.TrunkOpen, IntentNames.TrunkClose,
    ];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        IntentNames.LightReading => ReadingLight(intent),
        IntentNames.LightAmbient => AmbientLight(intent),
        IntentNames.WiperSet => intent.Flag(SlotNames.On) ?? true
            ? IntentOutcome.Do("已为您打开雨刮", PlannedAction.Text(VssPaths.WiperMode, context.Vehicle.IsRaining ? "RAIN_SENSOR" : "MEDIUM"))
            : IntentOutcome.Do("已为您关闭雨刮", PlannedAction.Text(VssPaths.WiperMode, "OFF")),
        IntentNames.DoorLock => IntentOutcome.Do("车门已上锁", VssPlaces.All.Select(p => PlannedAction.Flag(VssPaths.DoorLocked(p), true))),
        IntentNames.DoorUnlock => context.Vehicle.IsMoving
            ? IntentOutcome.Refuse(intent.Name, "行驶中不能解锁车门，请停车后再试")
            : IntentOutcome.Do("车门已解锁", VssPlaces.All.Select(p => PlannedAction.Flag(VssPaths.DoorLocked(p), false))),
        IntentNames.TrunkOpen => context.Vehicle.IsParked
            ? IntentOutcome.Do("已为您打开后备箱", PlannedAction.Flag(VssPaths.TrunkOpen, true))
            : IntentOutcome.Refuse(intent.Name, "行驶中不能打开后备箱，请停车挂 P 挡后再试"),
        _ => IntentOutcome.Do("已为您关闭后备箱", PlannedAction.Flag(VssPaths.TrunkOpen, false)),
    };

    private static IntentOutcome ReadingLight(Intent intent)
    {
        var on = intent.Flag(SlotNames.On) ?? true;
        var position = intent.Text(SlotNames.Position);
        var places = Places.ForPosition(position, [VssPlaces.DriverSide, VssPlaces.PassengerSide]);
        var name = Places.Name(position ?? Positions.Front);
        return IntentOutcome.Do(on ? $"已为您打开{name}阅读灯" : $"已为您关闭{name}阅读灯",
            places.Select(p => PlannedAction.Flag(VssPaths.ReadingLight(p), on)));
    }

    private static IntentOutcome AmbientLight(Intent intent)
    {
        if (!(intent.Flag(SlotNames.On) ?? true))
        {
            return IntentOutcome.Do("已为您关闭氛围灯", PlannedAction.Flag(VssPaths.AmbientLightOn, false));
        }

        var on = PlannedAction.Flag(VssPaths.AmbientLightOn, true);
        var color = intent.Text(SlotNames.Color);
        if (color is null)
        {
            return IntentOutcome.Do("已为您打开氛围灯", on);
        }

        return AmbientColors.TryFind(color, out var name, out var code)
            ? IntentOutcome.Do($"氛围灯已换成{name}", on, PlannedAction.Text(VssPaths.AmbientLightColor, code))
            : IntentOutcome.Do($"氛围灯暂不支持{color}，已为您打开氛围灯", on);
    }
}
