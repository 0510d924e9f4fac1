using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Seat heating and ventilation share VSS's HeatingCooling (positive heats, negative cools): level n of 3 is
/// ±n×33 %. Unnamed seat: the driver's; unsaid level: <see cref="PolicyOptions.DefaultSeatLevel"/>; a step (调高一档)
/// counts from the level now. Turning one off leaves the other alone.
/// </summary>
public sealed class SeatRules : IIntentRule
{
    public const int MaxLevel = 3;

    public IReadOnlyCollection<string> Intents { get; } = [IntentNames.SeatHeat, IntentNames.SeatVentilate];

    public IntentOutcome Decide(Intent intent, PolicyContext context)
    {
        var heating = intent.Name == IntentNames.SeatHeat;
        var position = intent.Text(SlotNames.Position);
        var places = Places.ForPosition(position, [VssPlaces.DriverSide]);
        var name = Places.Name(position ?? Positions.Driver);
        if (intent.Number(SlotNames.Delta) is { } delta)
        {
            return Step(places, heating, (int)Math.Round(delta), name, context);
        }

        var level = (int)Math.Clamp(Math.Round(intent.Number(SlotNames.Level) ?? context.Options.DefaultSeatLevel), 0, MaxLevel);
        return Set(places, heating, level, name, context);
    }

    /// <summary>
    /// 座椅加热调高一档, 调低一点: a step from the level the seat is at now (the first seat named), kept within 0–3; a
    /// step down from off, or up from the top, changes nothing and says so.
    /// </summary>
    public static IntentOutcome Step(IReadOnlyList<string> places, bool heating, int delta, string name, PolicyContext context)
    {
        var now = LevelOf(places[0], heating, context.Vehicle);
        var level = Math.Clamp(now + delta, 0, MaxLevel);
        var what = heating ? "座椅加热" : "座椅通风";
        if (level == now)
        {
            return IntentOutcome.Say(now == 0 ? $"{name}{what}本来就是关着的" : $"{name}{what}已经是最高 {MaxLevel} 档");
        }

        return level == 0
            ? Set(places, heating, level, name, context)
            : IntentOutcome.Do($"已将{name}{what}调到 {level} 档", places.Select(p => Action(p, Percent(level, heating))));
    }

    /// <summary>The level 0–3 a seat heats at (or is ventilated at): HeatingCooling is ±level×33 %.</summary>
    public static int LevelOf(string place, bool heating, VehicleState vehicle)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        var percent = vehicle.SeatHeatingCooling(place) * (heating ? 1 : -1);
        return percent <= 0 ? 0 : (int)Math.Clamp(Math.Round(percent * MaxLevel / 100.0), 0, MaxLevel);
    }

    public static IntentOutcome Set(IReadOnlyList<string> places, bool heating, int level, string name, PolicyContext context)
    {
        var what = heating ? "座椅加热" : "座椅通风";
        if (level == 0)
        {
            var running = places.Where(p => heating
                ? context.Vehicle.SeatHeatingCooling(p) > 0
                : context.Vehicle.SeatHeatingCooling(p) < 0).ToList();
            return running.Count == 0
                ? IntentOutcome.Say($"{name}{what}本来就是关着的")
                : IntentOutcome.Do($"已为您关闭{name}{what}", running.Select(p => Action(p, 0)));
        }

        return IntentOutcome.Do($"已为您打开{name}{what}，{level} 档", places.Select(p => Action(p, Percent(level, heating))));
    }

    private static double Percent(int level, bool heating) => Math.Round(level * 100.0 / MaxLevel) * (heating ? 1 : -1);

    private static PlannedAction Action(string place, double percent) =>
        PlannedAction.Number(VssPaths.SeatHeatingCooling(place), percent);
}
