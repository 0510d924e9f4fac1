using Car.Language;
using Car.Assistant.Policy;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Turns 再低一点 / 再开大一点 / 副驾也要 / 第二个 into intents of the contract, using the session's last request
/// and the vehicle's state. With nothing to refer to it asks back instead of guessing.
/// </summary>
public static class FollowUpResolver
{
    public const string NothingToAdjust = "您想调节什么呢？";
    public const string NothingToRepeat = "您是想对哪一项也这样做呢？";
    public const string NothingToPick = "现在没有可以选择的列表，您想去哪里呢？";

    public static FollowUpResolution Resolve(FollowUp followUp, DialogueState session, PolicyContext context) => followUp switch
    {
        AdjustFollowUp adjust => Adjust(adjust, session.LastIntents, context),
        AlsoFollowUp also => Also(also, session.LastIntents),
        SelectFollowUp select => select.Index <= session.LastOffer.Count
            ? FollowUpResolution.Of(new Intent("nav.go").With("destination", SlotValue.Of(session.LastOffer[select.Index - 1])))
            : FollowUpResolution.AskBack(NothingToPick),
        _ => FollowUpResolution.AskBack(NothingToAdjust),
    };

    private static FollowUpResolution Adjust(AdjustFollowUp adjust, IReadOnlyList<Intent> last, PolicyContext context)
    {
        var vehicle = context.Vehicle;
        var sign = adjust.Direction;
        for (var i = last.Count - 1; i >= 0; i--)
        {
            var intent = last[i];
            Intent? next = intent.Name switch
            {
                "climate.set_temperature" or "climate.adjust_temperature" or "comfort.hot" or "comfort.cold" =>
                    Delta("climate.adjust_temperature", sign * (adjust.Amount ?? 1)).WithOptional("zone", intent["zone"]),
                "climate.set_fan" or "climate.adjust_fan" => Delta("climate.adjust_fan", sign * (adjust.Amount ?? 1)),
                "media.set_volume" or "media.adjust_volume" => Delta("media.adjust_volume", sign * (adjust.Amount ?? 10)),
                "screen.set_brightness" or "screen.adjust_brightness" =>
                    Delta("screen.adjust_brightness", sign * (adjust.Amount ?? 10)),
                "window.open" or "window.close" => Window(intent, sign, adjust.Amount, context),
                "comfort.stuffy" when vehicle.IsRaining || vehicle.Speed >= context.Options.FreshAirSpeedKmh =>
                    Delta("climate.adjust_fan", sign * (adjust.Amount ?? 1)),
                "comfort.stuffy" => Window(new Intent("window.open").With("position", SlotValue.Of("driver")), sign, adjust.Amount, context),
                "sunroof.open" => Opening("sunroof", vehicle.Snapshot.Number(VssPaths.SunroofPosition), sign, adjust.Amount, context),
                "seat.heat" or "seat.ventilate" => Seat(intent, sign, vehicle),
                _ => null,
            };
            if (next is not null)
            {
                return FollowUpResolution.Of(next);
            }
        }

        return FollowUpResolution.AskBack(NothingToAdjust);
    }

    private static FollowUpResolution Also(AlsoFollowUp also, IReadOnlyList<Intent> last)
    {
        if (also.Position is null)
        {
            return FollowUpResolution.AskBack(NothingToRepeat);
        }

        var zone = also.Position switch
        {
            "rear_left" or "rear_right" => "rear",
            "front" => "all",
            var p => p,
        };
        var repeated = last
            .Where(i => i.Name is "window.open" or "window.close" or "seat.heat" or "seat.ventilate" or "light.reading"
                or "climate.set_temperature" or "climate.adjust_temperature")
            .Select(i => i.Name.StartsWith("climate.", StringComparison.Ordinal)
                ? i.With("zone", SlotValue.Of(zone))
                : i.With("position", SlotValue.Of(also.Position)))
            .ToArray();
        return repeated.Length > 0 ? FollowUpResolution.Of(repeated) : FollowUpResolution.AskBack(NothingToRepeat);
    }

    private static Intent Window(Intent last, int sign, double? amount, PolicyContext context)
    {
        var position = last.Text("position") ?? "driver";
        var place = Places.ForPosition(position, [VssPlaces.DriverSide])[0];
        return Opening("window", context.Vehicle.WindowOpening(place), sign, amount, context)
            .WithOptional("position", SlotValue.Of(position)).Reordered();
    }

    private static Intent Opening(string device, double current, int sign, double? amount, PolicyContext context)
    {
        var target = Math.Clamp(current + (sign * (amount ?? context.Options.ComfortOpening)), 0, 100);
        return target <= 0
            ? new Intent($"{device}.close")
            : new Intent($"{device}.open").With("percent", SlotValue.Of(target));
    }

    private static Intent Seat(Intent last, int sign, VehicleState vehicle)
    {
        var place = Places.ForPosition(last.Text("position"), [VssPlaces.DriverSide])[0];
        var current = (int)Math.Round(Math.Abs(vehicle.SeatHeatingCooling(place)) * SeatRules.MaxLevel / 100);
        var level = Math.Clamp(current + sign, 0, SeatRules.MaxLevel);
        var next = new Intent(last.Name).With("level", SlotValue.Of(level));
        return last.Text("position") is { } position ? next.With("position", SlotValue.Of(position)).Reordered() : next;
    }

    private static Intent Delta(string name, double delta) => new Intent(name).With("delta", SlotValue.Of(delta));

    private static Intent WithOptional(this Intent intent, string slot, SlotValue? value) =>
        value is { } present ? intent.With(slot, present) : intent;

    /// <summary>Position first, as the contract lists the slots.</summary>
    private static Intent Reordered(this Intent intent) =>
        intent with { Slots = [.. intent.Slots.OrderBy(s => s.Key == "position" ? 0 : 1)] };
}
