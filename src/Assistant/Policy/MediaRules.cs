using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>Volume, playback and screen brightness, clamped to 0–100.</summary>
public sealed class MediaRules : IIntentRule
{
    public IReadOnlyCollection<string> Intents { get; } =
    [
        IntentNames.MediaSetVolume, IntentNames.MediaAdjustVolume, IntentNames.MediaMute, IntentNames.MediaUnmute,
        IntentNames.MediaPlay, IntentNames.MediaPause, IntentNames.MediaNext, IntentNames.MediaPrevious,
        IntentNames.ScreenSetBrightness, IntentNames.ScreenAdjustBrightness,
    ];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        IntentNames.MediaSetVolume => Setting(VssPaths.MediaVolume, "音量", intent.Number(SlotNames.Value) ?? 30),
        IntentNames.MediaAdjustVolume => Level(VssPaths.MediaVolume, "音量",
            context.Vehicle.Snapshot.Number(VssPaths.MediaVolume) + (intent.Number(SlotNames.Delta) ?? 0)),
        IntentNames.MediaMute => IntentOutcome.Do("已静音", PlannedAction.Flag(VssPaths.MediaMuted, true)),
        IntentNames.MediaUnmute => IntentOutcome.Do("已取消静音", PlannedAction.Flag(VssPaths.MediaMuted, false)),
        IntentNames.MediaPlay => Play(intent),
        IntentNames.MediaPause => IntentOutcome.Do("已暂停播放", PlannedAction.Text(VssPaths.MediaAction, "STOP")),
        IntentNames.MediaNext => IntentOutcome.Do("好的，下一首", PlannedAction.Text(VssPaths.MediaAction, "SKIP_FORWARD")),
        IntentNames.MediaPrevious => IntentOutcome.Do("好的，上一首", PlannedAction.Text(VssPaths.MediaAction, "SKIP_BACKWARD")),
        IntentNames.ScreenSetBrightness => Setting(VssPaths.ScreenBrightness, "屏幕亮度", intent.Number(SlotNames.Value) ?? 60),
        _ => Level(VssPaths.ScreenBrightness, "屏幕亮度",
            context.Vehicle.Snapshot.Number(VssPaths.ScreenBrightness) + (intent.Number(SlotNames.Delta) ?? 0)),
    };

    /// <summary>
    /// A level said outright (音量调到一百五) outside 0–100 changes nothing: it may be a misheard number, and the
    /// loudest volume is not a guess to make; the driver hears the range. Steps up and down (再大一点) stop at the ends.
    /// </summary>
    private static IntentOutcome Setting(string signal, string name, double value) =>
        value is < MinLevel or > MaxLevel ? IntentOutcome.OutsideRange(name, $"{MinLevel}–{MaxLevel}") : Level(signal, name, value);

    /// <summary>Volume and screen brightness run from 0 to 100.</summary>
    private const int MinLevel = 0;

    private const int MaxLevel = 100;

    private static IntentOutcome Level(string signal, string name, double value)
    {
        var clamped = Math.Clamp(Math.Round(value), MinLevel, MaxLevel);
        var reply = clamped == value ? $"{name}已调到 {clamped}" : $"{name}已调到{(clamped == MaxLevel ? "最大" : "最小")}";
        return IntentOutcome.Do(reply, PlannedAction.Number(signal, clamped));
    }

    /// <summary>
    /// Plays what was asked: 周杰伦的稻香 (artist and title), a title, an artist, or the speaker's words, with the style
    /// said (晚风吹过 dj) in the search.
    /// </summary>
    private static IntentOutcome Play(Intent intent)
    {
        var artist = intent.Text(SlotNames.Artist);
        var title = intent.Text(SlotNames.Title);
        var query = (artist, title) switch
        {
            ({ } a, { } t) => $"{a}的{t}",
            (null, { } t) => t,
            ({ } a, null) => a,
            _ => intent.Text(SlotNames.Query),
        };
        if (intent.Text(SlotNames.Style) is { } style)
        {
            query = query is null ? style : $"{query} {style}";
        }

        var actions = new List<PlannedAction>();
        if (query is not null)
        {
            actions.Add(PlannedAction.Text(VssPaths.MediaSelectedUri, $"search:{query}"));
        }

        actions.Add(PlannedAction.Text(VssPaths.MediaAction, "PLAY"));
        return IntentOutcome.Do(query is null ? "好的，为您播放音乐" : $"好的，为您播放{query}", actions);
    }
}
