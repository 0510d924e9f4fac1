namespace Car.Language;

/// <summary>
/// 开窗透气, 打开车窗通风, 开空调凉快凉快: a need said right after a request for the cabin (a window, the sunroof or its
/// shade, the air conditioning, a seat), with no pause between them, is why the request is made, not a second request:
/// the policy would otherwise answer the need too and move the same window twice. 有点闷，把空调调到22度 (the need
/// first) and 打开音乐，好热 (a request the need has nothing to do with) keep both.
/// </summary>
public static class NeedAsPurpose
{
    private static readonly string[] CabinRequests = ["window.", "sunroof.", "sunshade.", "climate.", "seat."];

    private const string NeedPrefix = "comfort.";

    /// <summary>Whether <paramref name="need"/>, read from <paramref name="needFrame"/>, only says why <paramref name="request"/>
    /// (read from <paramref name="requestFrame"/> just before it) is asked for.</summary>
    public static bool Applies(Intent need, Frame needFrame, Intent request, Frame requestFrame, string text)
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
        return requestEnd == needStart;
    }
}
