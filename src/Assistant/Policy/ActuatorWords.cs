using System.Globalization;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// What the driver is told about an actuator that did not reach its target, judged from where it started, where it
/// stands and whether it is still moving: partly done (车窗只开到了一半（50%），可能有障碍物), not done (车窗没有关上),
/// or still on its way.
/// </summary>
internal static class ActuatorWords
{
    /// <summary>The part a signal moves, as the driver calls it.</summary>
    public static string Name(string signal) => signal switch
    {
        _ when signal.EndsWith(".Window.Position", StringComparison.Ordinal) => "车窗",
        VssPaths.SunroofPosition => "天窗",
        VssPaths.SunshadePosition => "遮阳帘",
        VssPaths.TrunkOpen => "后备箱",
        VssPaths.AirConditioning => "空调",
        _ when signal.EndsWith(".IsLocked", StringComparison.Ordinal) => "车门",
        _ when signal.Contains(".HVAC.", StringComparison.Ordinal) => "空调",
        _ when signal.Contains(".Seat.", StringComparison.Ordinal) => "座椅",
        _ when signal.Contains(".Light.", StringComparison.Ordinal) => "车灯",
        _ when signal.Contains(".Wiping.", StringComparison.Ordinal) => "雨刷",
        _ when signal.Contains(".Infotainment.", StringComparison.Ordinal) => "车机",
        _ => "车辆",
    };

    /// <summary>The status and reason of a target not reached when the wait ended.</summary>
    /// <param name="stillMoving">The value changed within the stall time: the part is on its way, not stopped.</param>
    public static (ActionStatus Status, string? Reason) Judge(string signal, SignalValue? start, SignalValue? now, SignalValue target, bool stillMoving)
    {
        var name = Name(signal);
        if (start is { Kind: SignalValueKind.Number } from && now is { Kind: SignalValueKind.Number } at && target.Kind == SignalValueKind.Number)
        {
            var (s, c, t) = (from.AsNumber(), at.AsNumber(), target.AsNumber());
            var moved = c != s && Math.Sign(c - s) == Math.Sign(t - s);
            if (moved && stillMoving)
            {
                return (ActionStatus.NotReached, null);
            }

            // The shade runs the other way round: 0 open, 100 closed.
            var opening = signal == VssPaths.SunshadePosition ? t < s : t > s;
            var position = c.ToString("0.#", CultureInfo.InvariantCulture) + "%";
            if (moved)
            {
                var half = Math.Abs((c - s) - ((t - s) / 2)) <= Math.Max(2, Math.Abs(t - s) * 0.1);
                return opening
                    ? (ActionStatus.PartlyDone, half ? $"{name}只开到了一半（{position}），可能有障碍物" : $"{name}只开到了 {position}，可能有障碍物")
                    : (ActionStatus.PartlyDone, $"{name}没有完全关上，停在了 {position}，可能有障碍物");
            }

            return (ActionStatus.NotDone, opening ? $"{name}没有打开" : t == 0 || signal == VssPaths.SunshadePosition ? $"{name}没有关上" : $"{name}没有动");
        }

        if (now is { } current && current != target && (start is null || current == start))
        {
            var locking = signal.EndsWith(".IsLocked", StringComparison.Ordinal);
            return target.Kind == SignalValueKind.Boolean
                ? (ActionStatus.NotDone, (target.AsBoolean(), locking) switch
                {
                    (true, true) => $"{name}没有锁上",
                    (false, true) => $"{name}没有解锁",
                    (true, false) => $"{name}没有打开",
                    (false, false) => $"{name}没有关闭",
                })
                : (ActionStatus.NotDone, $"{name}没有变化，仍是 {current}");
        }

        return (ActionStatus.NotReached, null);
    }
}
