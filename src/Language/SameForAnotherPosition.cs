namespace Car.Language;

/// <summary>
/// 副驾也要, 主驾座椅加热打开副驾也一样: the requests just made that name a seat or a window, made again for the one
/// named now. A temperature's zone follows the position (the rear seats share the rear zone, 前排 is every zone).
/// </summary>
public static class SameForAnotherPosition
{
    public static IReadOnlyList<Intent> Repeat(IEnumerable<Intent> last, string position)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(position);
        var zone = position switch
        {
            Positions.RearLeft or Positions.RearRight => Zones.Rear,
            Positions.Front => Zones.All,
            var p => p,
        };
        return [.. last
            .Where(i => i.Name is IntentNames.WindowOpen or IntentNames.WindowClose or IntentNames.SeatHeat
                or IntentNames.SeatVentilate or IntentNames.LightReading or IntentNames.ClimateSetTemperature
                or IntentNames.ClimateAdjustTemperature)
            .Select(i => i.Name is IntentNames.ClimateSetTemperature or IntentNames.ClimateAdjustTemperature
                ? i.With(SlotNames.Zone, SlotValue.Of(zone))
                : i.With(SlotNames.Position, SlotValue.Of(position)))];
    }
}
