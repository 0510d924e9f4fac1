using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// A need said right after a request for the cabin (a window, the sunroof or its shade, the air conditioning, a
/// seat, the screen), with no pause between them. When the request answers the need (开窗透气, 打开车窗通风,
/// 开空调凉快凉快, 关窗太冷了) the need is why the request is made, not a second request: the policy would otherwise
/// answer the need too and move the same window twice. When it does not (开空调太冷了, 打开天窗太晒了, 开窗好冷) the request is what the need is
/// about (the air conditioning that is on is too cold): the need is asked, not the request, and the policy answers it.
/// 有点闷，把空调调到22度 (the need first), 打开空调，好热 (a pause) and 打开音乐，好热 (a request the need has nothing
/// to do with) keep both. A word giving the reason between them (开窗因为太闷了: lexicon <c>reasonMarks</c>) or a filler
/// (关上吧太晒了) is no pause.
/// </summary>
public sealed class NeedAsPurpose(Lexicon lexicon)
{
    private readonly IReadOnlyList<string> _reasonMarks = lexicon.SlotWords("reasonMarks");
    private readonly IReadOnlyList<string> _fillers = lexicon.Fillers;

    private static readonly string[] CabinRequests = ["window.", "sunroof.", "sunshade.", "climate.", "seat.", "screen."];

    private const string NeedPrefix = "comfort.";

    /// <summary>
    /// A temperature set at or below this (°C) cools the cabin, above it warms it: the middle of the policy's answers to
    /// "hot" (22 °C) and "cold" (26 °C).
    /// </summary>
    public const double ComfortableTemperature = 24;

    /// <summary>Whether <paramref name="need"/>, read from <paramref name="needFrame"/>, only says why <paramref name="request"/>
    /// (read from <paramref name="requestFrame"/> just before it) is asked for.</summary>
    public bool Applies(Intent need, Frame needFrame, Intent request, Frame requestFrame, string text) =>
        FollowsRightAfter(need, needFrame, request, requestFrame, text) && Answers(request, need.Name);

    /// <summary>
    /// Whether <paramref name="need"/>, read from <paramref name="needFrame"/> right after <paramref name="request"/>,
    /// complains about what the request does (开空调太冷了): the request is not asked for, the need is.
    /// </summary>
    public bool IsAboutTheRequest(Intent need, Frame needFrame, Intent request, Frame requestFrame, string text) =>
        FollowsRightAfter(need, needFrame, request, requestFrame, text) && !Answers(request, need.Name);

    private bool FollowsRightAfter(Intent need, Frame needFrame, Intent request, Frame requestFrame, string text)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(needFrame);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(requestFrame);
        ArgumentNullException.ThrowIfNull(text);
        if (!need.Name.StartsWith(NeedPrefix, StringComparison.Ordinal)
            || !CabinRequests.Any(r => request.Name.StartsWith(r, StringComparison.Ordinal))
            || requestFrame.Tags.Count == 0 || needFrame.Tags.Count == 0)
        {
            return false;
        }

        var requestEnd = requestFrame.Tags.Max(t => t.End);
        var needStart = needFrame.Tags.Min(t => t.Start);
        // 把遮阳帘关上吧太晒了: a filler (吧) between them is no pause either.
        return requestEnd == needStart
            || (requestEnd < needStart && needStart <= text.Length
                && (_reasonMarks.Contains(text[requestEnd..needStart]) || _fillers.Contains(text[requestEnd..needStart])));
    }

    /// <summary>Whether doing <paramref name="request"/> helps with the need named <paramref name="need"/>.</summary>
    private static bool Answers(Intent request, string need) => need switch
    {
        IntentNames.ComfortHot => request.Name is IntentNames.WindowOpen or IntentNames.SunroofOpen or IntentNames.SunshadeClose
                or IntentNames.ClimateOn or IntentNames.SeatVentilate or IntentNames.ClimateSetFan
            || Cools(request) || MoreAir(request) || request.Text(SlotNames.Mode) == RecirculationModes.Outer,
        IntentNames.ComfortStuffy => request.Name is IntentNames.WindowOpen or IntentNames.SunroofOpen or IntentNames.ClimateOn
                or IntentNames.ClimateSetFan
            || MoreAir(request) || request.Text(SlotNames.Mode) == RecirculationModes.Outer,
        IntentNames.ComfortCold => request.Name is IntentNames.WindowClose or IntentNames.SunroofClose or IntentNames.ClimateOff
                or IntentNames.SeatHeat
            || Warms(request) || (request.Name == IntentNames.ClimateAdjustFan && request.Number(SlotNames.Delta) < 0),
        IntentNames.ComfortGlare => request.Name is IntentNames.SunshadeClose or IntentNames.SunroofClose
            || (request.Name == IntentNames.ScreenAdjustBrightness && request.Number(SlotNames.Delta) < 0),
        IntentNames.ComfortTired => request.Name is IntentNames.WindowOpen or IntentNames.SunroofOpen or IntentNames.ClimateOn
            || Cools(request) || MoreAir(request),
        _ => true,
    };

    private static bool Cools(Intent request) =>
        (request.Name == IntentNames.ClimateAdjustTemperature && request.Number(SlotNames.Delta) < 0)
        || (request.Name == IntentNames.ClimateSetTemperature && request.Number(SlotNames.Value) <= ComfortableTemperature);

    private static bool Warms(Intent request) =>
        (request.Name == IntentNames.ClimateAdjustTemperature && request.Number(SlotNames.Delta) > 0)
        || (request.Name == IntentNames.ClimateSetTemperature && request.Number(SlotNames.Value) > ComfortableTemperature);

    private static bool MoreAir(Intent request) =>
        request.Name == IntentNames.ClimateAdjustFan && request.Number(SlotNames.Delta) > 0;
}
