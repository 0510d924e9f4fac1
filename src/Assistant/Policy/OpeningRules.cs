using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Windows, sunroof and its shade. Unnamed window: the driver's to open, all to close. Unsaid opening: fully, or
/// at high speed the most that is safe. A wider opening at high speed is refused with the reason; opening in the
/// rain asks first. The shade runs the other way round from the sunroof: VSS counts from its start position, open
/// (retracted), so opening it is 0 and closing it 100.
/// </summary>
public sealed class OpeningRules : IIntentRule
{
    /// <summary>The shade open: retracted, VSS's start position.</summary>
    public const double ShadeRetracted = 0;

    /// <summary>The shade closed: fully deployed against the sun, VSS's end position.</summary>
    public const double ShadeDeployed = 100;

    public IReadOnlyCollection<string> Intents { get; } =
    [
        IntentNames.WindowOpen, IntentNames.WindowClose, IntentNames.SunroofOpen, IntentNames.SunroofClose,
        IntentNames.SunshadeOpen, IntentNames.SunshadeClose,
    ];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        IntentNames.WindowOpen => OpenWindows(intent, context),
        IntentNames.WindowClose => CloseWindows(intent),
        IntentNames.SunroofOpen => OpenSunroof(intent, context),
        IntentNames.SunroofClose => IntentOutcome.Do("已为您关闭天窗", PlannedAction.Number(VssPaths.SunroofPosition, 0)),
        IntentNames.SunshadeOpen => IntentOutcome.Do("已为您打开遮阳帘", PlannedAction.Number(VssPaths.SunshadePosition, ShadeRetracted)),
        _ => IntentOutcome.Do("已为您关上遮阳帘", PlannedAction.Number(VssPaths.SunshadePosition, ShadeDeployed)),
    };

    private static IntentOutcome OpenWindows(Intent intent, PolicyContext context)
    {
        var position = intent.Text(SlotNames.Position);
        var places = Places.ForPosition(position, [VssPlaces.DriverSide]);
        var name = Places.Name(position ?? Positions.Driver);
        if (Opening(intent, context, "车窗") is { } refusal)
        {
            return refusal;
        }

        var percent = Percent(intent, context);
        var actions = places.Select(p => PlannedAction.Number(VssPaths.WindowPosition(p), percent)).ToList();
        var reply = percent >= 100 ? $"已为您打开{name}车窗" : $"已为您打开{name}车窗 {percent}%";
        if (context.Vehicle.IsRaining && !context.Confirmed)
        {
            return IntentOutcome.Confirm($"外面在下雨，确定要打开{name}车窗吗？");
        }

        return IntentOutcome.Do(reply, actions);
    }

    private static IntentOutcome CloseWindows(Intent intent)
    {
        var position = intent.Text(SlotNames.Position);
        var places = Places.ForPosition(position, VssPlaces.All);
        var name = Places.Name(position ?? Positions.All);
        return IntentOutcome.Do($"已为您关闭{name}车窗", places.Select(p => PlannedAction.Number(VssPaths.WindowPosition(p), 0)));
    }

    private static IntentOutcome OpenSunroof(Intent intent, PolicyContext context)
    {
        if (Opening(intent, context, "天窗") is { } refusal)
        {
            return refusal;
        }

        var percent = Percent(intent, context);
        var action = PlannedAction.Number(VssPaths.SunroofPosition, percent);
        var reply = percent >= 100 ? "已为您打开天窗" : $"已为您打开天窗 {percent}%";
        return context.Vehicle.IsRaining && !context.Confirmed
            ? IntentOutcome.Confirm("外面在下雨，确定要打开天窗吗？")
            : IntentOutcome.Do(reply, action);
    }

    /// <summary>A refusal when the requested opening is too wide for the current speed, else null.</summary>
    private static IntentOutcome? Opening(Intent intent, PolicyContext context, string what)
    {
        var limit = context.Options.MaxOpeningAtHighSpeed;
        return context.Vehicle.IsHighSpeed && intent.Number(SlotNames.Percent) is { } asked && asked > limit
            ? IntentOutcome.Refuse(intent.Name, $"车速较快，为了安全{what}最多只能打开 {limit}%")
            : null;
    }

    /// <summary>What was asked, clamped to 0–100; unsaid: fully, or the safe maximum at high speed.</summary>
    private static int Percent(Intent intent, PolicyContext context)
    {
        var unsaid = context.Vehicle.IsHighSpeed ? context.Options.MaxOpeningAtHighSpeed : 100;
        return (int)Math.Clamp(Math.Round(intent.Number(SlotNames.Percent) ?? unsaid), 0, 100);
    }
}
