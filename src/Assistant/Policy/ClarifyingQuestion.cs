using System.Globalization;
using Car.Language;

namespace Car.Assistant.Policy;

/// <summary>
/// The question asked back when the parser is not sure enough of a request to act on it (您是要导航到高新区吗？):
/// the request in the driver's terms, with the words they said and the way or value asked for (您是要调小音量吗？).
/// </summary>
public static class ClarifyingQuestion
{
    private static readonly Dictionary<string, string> Plain = new(StringComparer.Ordinal)
    {
        [IntentNames.WindowOpen] = "打开车窗",
        [IntentNames.WindowClose] = "关闭车窗",
        [IntentNames.SunroofOpen] = "打开天窗",
        [IntentNames.SunroofClose] = "关闭天窗",
        [IntentNames.SunshadeOpen] = "打开遮阳帘",
        [IntentNames.SunshadeClose] = "关闭遮阳帘",
        [IntentNames.ClimateOn] = "打开空调",
        [IntentNames.ClimateOff] = "关闭空调",
        [IntentNames.ClimateSetTemperature] = "调节空调温度",
        [IntentNames.ClimateAdjustTemperature] = "调节空调温度",
        [IntentNames.ClimateSetFan] = "调节风量",
        [IntentNames.ClimateAdjustFan] = "调节风量",
        [IntentNames.ClimateRecirculation] = "切换空调循环",
        [IntentNames.ClimateDefrost] = "调节除雾",
        [IntentNames.SeatHeat] = "调节座椅加热",
        [IntentNames.SeatVentilate] = "调节座椅通风",
        [IntentNames.LightReading] = "调节阅读灯",
        [IntentNames.LightAmbient] = "调节氛围灯",
        [IntentNames.WiperSet] = "调节雨刮",
        [IntentNames.DoorLock] = "锁车",
        [IntentNames.DoorUnlock] = "解锁车门",
        [IntentNames.TrunkOpen] = "打开后备箱",
        [IntentNames.TrunkClose] = "关闭后备箱",
        [IntentNames.MediaSetVolume] = "调节音量",
        [IntentNames.MediaAdjustVolume] = "调节音量",
        [IntentNames.MediaMute] = "静音",
        [IntentNames.MediaUnmute] = "取消静音",
        [IntentNames.MediaPause] = "暂停播放",
        [IntentNames.MediaNext] = "播放下一首",
        [IntentNames.MediaPrevious] = "播放上一首",
        [IntentNames.NavCancel] = "退出导航",
        [IntentNames.NavResume] = "继续导航",
        [IntentNames.PhoneHangUp] = "挂断电话",
        [IntentNames.ScreenSetBrightness] = "调节屏幕亮度",
        [IntentNames.ScreenAdjustBrightness] = "调节屏幕亮度",
    };

    public static string For(Intent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return string.Create(CultureInfo.InvariantCulture, $"您是要{Describe(intent)}吗？");
    }

    private static string Describe(Intent intent) => intent.Name switch
    {
        IntentNames.NavGo => $"导航到{intent.Text(SlotNames.Destination)}",
        IntentNames.PhoneCall => $"打电话给{intent.Text(SlotNames.Contact)}",
        IntentNames.MediaPlay => (intent.Text(SlotNames.Artist), intent.Text(SlotNames.Title), intent.Text(SlotNames.Query)) switch
        {
            ({ } artist, { } title, _) => $"播放{artist}的{title}",
            (_, { } title, _) => $"播放{title}",
            ({ } artist, _, _) => $"播放{artist}的歌",
            (_, _, { } query) => $"播放{query}",
            _ => "播放音乐",
        },
        IntentNames.WindowOpen when intent.Text(SlotNames.Position) is { } position => $"打开{Places.Name(position)}车窗",
        IntentNames.WindowClose when intent.Text(SlotNames.Position) is { } position => $"关闭{Places.Name(position)}车窗",
        IntentNames.MediaAdjustVolume when intent.Number(SlotNames.Delta) is { } delta => delta > 0 ? "调大音量" : "调小音量",
        IntentNames.ClimateAdjustTemperature when intent.Number(SlotNames.Delta) is { } delta => delta > 0 ? "调高空调温度" : "调低空调温度",
        IntentNames.ClimateAdjustFan when intent.Number(SlotNames.Delta) is { } delta => delta > 0 ? "调大风量" : "调小风量",
        IntentNames.ScreenAdjustBrightness when intent.Number(SlotNames.Delta) is { } delta => delta > 0 ? "调亮屏幕" : "调暗屏幕",
        IntentNames.MediaSetVolume when intent.Number(SlotNames.Value) is { } value => $"把音量调到{value}",
        IntentNames.ClimateSetTemperature when intent.Number(SlotNames.Value) is { } value => $"把空调温度调到{value}度",
        _ => Plain.TryGetValue(intent.Name, out var plain) ? plain : intent.Name,
    };
}
