using Car.Assistant.Policy;
using Car.Language;
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
        AdjustFollowUp adjust => Adjust(adjust, adjust.About is { } about ? [about] : session.LastIntents, context),
        AlsoFollowUp also => Also(also, session.LastIntents),
        SelectFollowUp select => session.Offer is { } offer && select.Index <= offer.Places.Count
            ? FollowUpResolution.Of(new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of(offer.Places[select.Index - 1].Name)))
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
                IntentNames.ClimateSetTemperature or IntentNames.ClimateAdjustTemperature or IntentNames.ComfortHot
                    or IntentNames.ComfortCold =>
                    Delta(IntentNames.ClimateAdjustTemperature, sign * (adjust.Amount ?? 1))
                        .WithOptional(SlotNames.Zone, intent[SlotNames.Zone]),
                IntentNames.ClimateSetFan or IntentNames.ClimateAdjustFan =>
                    Delta(IntentNames.ClimateAdjustFan, sign * (adjust.Amount ?? 1)),
                IntentNames.MediaSetVolume or IntentNames.MediaAdjustVolume =>
                    Delta(IntentNames.MediaAdjustVolume, sign * (adjust.Amount ?? 10)),
                IntentNames.ScreenSetBrightness or IntentNames.ScreenAdjustBrightness =>
                    Delta(IntentNames.ScreenAdjustBrightness, sign * (adjust.Amount ?? 10)),
                IntentNames.WindowOpen or IntentNames.WindowClose => Window(intent, sign, adjust.Amount, context),
                IntentNames.ComfortStuffy when vehicle.IsRaining || vehicle.Speed >= context.Options.FreshAirSpeedKmh =>
                    Delta(IntentNames.ClimateAdjustFan, sign * (adjust.Amount ?? 1)),
                IntentNames.ComfortStuffy => Window(
                    new Intent(IntentNames.WindowOpen).With(SlotNames.Position, SlotValue.Of(Positions.Driver)), sign, adjust.Amount, context),
                IntentNames.SunroofOpen => Opening(
                    IntentNames.SunroofOpen, IntentNames.SunroofClose, vehicle.Snapshot.Number(VssPaths.SunroofPosition), sign, adjust.Amount, context),
                IntentNames.SeatHeat or IntentNames.SeatVentilate => Seat(intent, sign, vehicle),
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

        var repeated = SameForAnotherPosition.Repeat(last, also.Position);
        return repeated.Count > 0 ? FollowUpResolution.Of([.. repeated]) : FollowUpResolution.AskBack(NothingToRepeat);
    }

    private static Intent Window(Intent last, int sign, double? amount, PolicyContext context)
    {
        var position = last.Text(SlotNames.Position) ?? Positions.Driver;
        var place = Places.ForPosition(position, [VssPlaces.DriverSide])[0];
        return Opening(IntentNames.WindowOpen, IntentNames.WindowClose, context.Vehicle.WindowOpening(place), sign, amount, context)
            .WithOptional(SlotNames.Position, SlotValue.Of(position)).Reordered();
    }

    private static Intent Opening(string open, string close, double current, int sign, double? amount, PolicyContext context)
    {
        var target = Math.Clamp(current + (sign * (amount ?? context.Options.ComfortOpening)), 0, 100);
        return target <= 0
            ? new Intent(close)
            : new Intent(open).With(SlotNames.Percent, SlotValue.Of(target));
    }

    private static Intent Seat(Intent last, int sign, VehicleState vehicle)
    {
        var place = Places.ForPosition(last.Text(SlotNames.Position), [VssPlaces.DriverSide])[0];
        var level = Math.Clamp(SeatRules.LevelOf(place, last.Name == IntentNames.SeatHeat, vehicle) + sign, 0, SeatRules.MaxLevel);
        var next = new Intent(last.Name).With(SlotNames.Level, SlotValue.Of(level));
        return last.Text(SlotNames.Position) is { } position ? next.With(SlotNames.Position, SlotValue.Of(position)).Reordered() : next;
    }

    private static Intent Delta(string name, double delta) => new Intent(name).With(SlotNames.Delta, SlotValue.Of(delta));

    private static Intent WithOptional(this Intent intent, string slot, SlotValue? value) =>
        value is { } present ? intent.With(slot, present) : intent;

    /// <summary>Position first, as the contract lists the slots.</summary>
    private static Intent Reordered(this Intent intent) =>
        intent with { Slots = [.. intent.Slots.OrderBy(s => s.Key == SlotNames.Position ? 0 : 1)] };
}
