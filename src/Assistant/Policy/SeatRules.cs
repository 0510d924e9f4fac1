using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Seat heating and ventilation share VSS's HeatingCooling (positive heats, negative cools): level n of 3 is
/// ±n×33 %. Unnamed seat: the driver's; unsaid level: <see cref="PolicyOptions.DefaultSeatLevel"/>. Turning one
/// off leaves the other alone.
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
        var level = (int)Math.Clamp(Math.Round(intent.Number(SlotNames.Level) ?? context.Options.DefaultSeatLevel), 0, MaxLevel);
        return Set(places, heating, level, Places.Name(position ?? Positions.Driver), context);
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

        var percent = Math.Round(level * 100.0 / MaxLevel) * (heating ? 1 : -1);
        return IntentOutcome.Do($"已为您打开{name}{what}，{level} 档", places.Select(p => Action(p, percent)));
    }

    private static PlannedAction Action(string place, double percent) =>
        PlannedAction.Number(VssPaths.SeatHeatingCooling(place), percent);
}
