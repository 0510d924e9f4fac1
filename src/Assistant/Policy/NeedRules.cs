using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Needs become actions chosen from the vehicle's state. 有点闷: parked or slow in the dry, the driver's window
/// opens a little; fast or in rain, outside air and more fan instead; said again, more of the same. 好热 / 有点冷:
/// the air conditioning two degrees cooler / warmer (and a warm seat when it is cold outside, windows closed). 困了:
/// fresh air and a degree cooler, and a word about resting. 太晒: the sunshade closes (deploys fully) unless it is closed.
/// </summary>
public sealed class NeedRules : IIntentRule
{
    public IReadOnlyCollection<string> Intents { get; } =
    [
        IntentNames.ComfortStuffy, IntentNames.ComfortHot, IntentNames.ComfortCold, IntentNames.ComfortTired,
        IntentNames.ComfortGlare,
    ];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        IntentNames.ComfortStuffy => Stuffy(context),
        IntentNames.ComfortHot => Hot(context),
        IntentNames.ComfortCold => Cold(context),
        IntentNames.ComfortTired => Tired(context),
        _ => Glare(context),
    };

    private static IntentOutcome Stuffy(PolicyContext context)
    {
        var vehicle = context.Vehicle;
        if (vehicle.IsRaining || vehicle.IsHighSpeed || vehicle.Speed >= context.Options.FreshAirSpeedKmh)
        {
            var fan = Math.Min(FanLevels.Max, vehicle.FanLevel + (context.NeedPersists ? 2 : 1));
            var why = vehicle.IsRaining ? "外面在下雨" : "车速较快";
            return Combine(
                $"{why}，已为您切换外循环，风量调到 {fan} 档",
                ClimateRules.Recirculation(inner: false),
                ClimateRules.SetFan(fan));
        }

        var step = context.Options.ComfortOpening;
        var driver = vehicle.WindowOpening(VssPlaces.DriverSide);
        if (context.NeedPersists && driver > 0)
        {
            var passenger = Math.Min(100, vehicle.WindowOpening(VssPlaces.PassengerSide) + step);
            return IntentOutcome.Do($"已为您再打开副驾车窗 {passenger}%，形成对流",
                Window(VssPlaces.PassengerSide, passenger));
        }

        var target = Math.Min(100, driver + step);
        return IntentOutcome.Do($"已为您打开主驾车窗 {target}%", Window(VssPlaces.DriverSide, target));
    }

    private static IntentOutcome Hot(PolicyContext context)
    {
        var vehicle = context.Vehicle;
        var target = Math.Max(18, Math.Min(vehicle.Setpoint(VssPlaces.DriverStation) - 2, 24));
        var fan = Math.Min(FanLevels.Max, vehicle.FanLevel + 1);
        return Combine(
            $"已为您打开空调，温度调到 {target} 度，风量调到 {fan} 档",
            ClimateRules.SetTemperature(null, target, context),
            ClimateRules.SetFan(fan));
    }

    private static IntentOutcome Cold(PolicyContext context)
    {
        var vehicle = context.Vehicle;
        var target = Math.Min(28, Math.Max(vehicle.Setpoint(VssPlaces.DriverStation) + 2, 22));
        var parts = new List<IntentOutcome> { ClimateRules.SetTemperature(null, target, context) };
        var reply = $"已为您把温度调到 {target} 度";
        var openWindows = VssPlaces.All.Where(p => vehicle.WindowOpening(p) > 0).ToList();
        if (openWindows.Count > 0)
        {
            parts.Add(IntentOutcome.Do(string.Empty, openWindows.Select(p => Window(p, 0))));
            reply += "，关上了车窗";
        }

        if (vehicle.OutsideTemperature < context.Options.SeatHeatBelowOutsideCelsius)
        {
            parts.Add(SeatRules.Set([VssPlaces.DriverSide], heating: true, context.Options.DefaultSeatLevel, "主驾", context));
            reply += "，打开了座椅加热";
        }

        return Combine(reply, [.. parts]);
    }

    private static IntentOutcome Tired(PolicyContext context)
    {
        if (!context.Vehicle.IsMoving)
        {
            return IntentOutcome.Say("累了就先休息一会儿再出发吧");
        }

        var target = Math.Max(ClimateRules.MinTemperature, context.Vehicle.Setpoint(VssPlaces.DriverStation) - 1);
        return Combine(
            $"已为您切换外循环，温度调到 {target} 度。疲劳驾驶很危险，前方找个服务区休息一下吧",
            ClimateRules.Recirculation(inner: false),
            ClimateRules.SetTemperature(null, target, context));
    }

    private static IntentOutcome Glare(PolicyContext context) =>
        context.Vehicle.Snapshot.Number(VssPaths.SunshadePosition) < OpeningRules.ShadeDeployed
            ? IntentOutcome.Do("已为您关上遮阳帘", PlannedAction.Number(VssPaths.SunshadePosition, OpeningRules.ShadeDeployed))
            : IntentOutcome.Say("遮阳帘已经关上了，可以放下遮阳板挡一挡");

    private static PlannedAction Window(string place, double percent) =>
        PlannedAction.Number(VssPaths.WindowPosition(place), percent);

    private static IntentOutcome Combine(string reply, params IntentOutcome[] parts) =>
        IntentOutcome.Do(reply, parts.SelectMany(p => p.Actions));
}
