using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>Volume, playback and screen brightness, clamped to 0–100.</summary>
public sealed class MediaRules : IIntentRule
{
    public IReadOnlyCollection<string> Intents { get; } =
    [
        "media.set_volume", "media.adjust_volume", "media.mute", "media.unmute", "media.play", "media.pause",
        "media.next", "media.previous", "screen.set_brightness", "screen.adjust_brightness",
    ];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        "media.set_volume" => Level(VssPaths.MediaVolume, "音量", intent.Number("value") ?? 30),
        "media.adjust_volume" => Level(VssPaths.MediaVolume, "音量",
            context.Vehicle.Snapshot.Number(VssPaths.MediaVolume) + (intent.Number("delta") ?? 0)),
        "media.mute" => IntentOutcome.Do("已静音", PlannedAction.Flag(VssPaths.MediaMuted, true)),
        "media.unmute" => IntentOutcome.Do("已取消静音", PlannedAction.Flag(VssPaths.MediaMuted, false)),
        "media.play" => Play(intent.Text("query")),
        "media.pause" => IntentOutcome.Do("已暂停播放", PlannedAction.Text(VssPaths.MediaAction, "STOP")),
        "media.next" => IntentOutcome.Do("好的，下一首", PlannedAction.Text(VssPaths.MediaAction, "SKIP_FORWARD")),
        "media.previous" => IntentOutcome.Do("好的，上一首", PlannedAction.Text(VssPaths.MediaAction, "SKIP_BACKWARD")),
        "screen.set_brightness" => Level(VssPaths.ScreenBrightness, "屏幕亮度", intent.Number("value") ?? 60),
        _ => Level(VssPaths.ScreenBrightness, "屏幕亮度",
            context.Vehicle.Snapshot.Number(VssPaths.ScreenBrightness) + (intent.Number("delta") ?? 0)),
    };

    private static IntentOutcome Level(string signal, string name, double value)
    {
        var clamped = Math.Clamp(Math.Round(value), 0, 100);
        var reply = clamped == value ? $"{name}已调到 {clamped}" : $"{name}已调到{(clamped == 100 ? "最大" : "最小")}";
        return IntentOutcome.Do(reply, PlannedAction.Number(signal, clamped));
    }

    private static IntentOutcome Play(string? query)
    {
        var actions = new List<PlannedAction>();
        if (query is not null)
        {
            actions.Add(PlannedAction.Text(VssPaths.MediaSelectedUri, $"search:{query}"));
        }

        actions.Add(PlannedAction.Text(VssPaths.MediaAction, "PLAY"));
        return IntentOutcome.Do(query is null ? "好的，为您播放音乐" : $"好的，为您播放{query}", actions);
    }
}
