namespace Car.Language;

/// <summary>
/// 门开了, 后备箱开了: a door or the trunk named first and an opening word with only 了 after it, without 把 (把门开了
/// orders), tells the car's state as often as it asks; unlocking and opening the trunk are not done on a guess, so
/// the car asks. Other devices said so (天窗关了) stay requests: nothing unsafe follows from them. Any device said not
/// to be done yet (车门没关) is asked about too.
/// </summary>
public static class StateOrRequest
{
    private static readonly string[] Guarded = [IntentNames.DoorUnlock, IntentNames.TrunkOpen];

    private const string Disposal = "把";

    private const string Done = "了";

    private const string NotYet = "没";

    /// <summary>
    /// 车门没关, 窗户还没关: a device named first and 没 right before the action tells it is not done; the driver may
    /// want it done, or only say so, so the car asks.
    /// </summary>
    private static bool SaysNotYetDone(Frame frame, string text) =>
        frame.Tags.FirstOrDefault(t => t.IsHead) is { } device
        && frame.Tags.FirstOrDefault(t => t.IsAction) is { } action && action.Start > device.Start && action.Start <= text.Length
        && text.AsSpan(device.End, action.Start - device.End).EndsWith(NotYet, StringComparison.Ordinal);

    /// <summary><paramref name="intent"/>, asked about when <paramref name="frame"/> of <paramref name="text"/> may only tell a state.</summary>
    public static Intent AskedIfState(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        if (SaysNotYetDone(frame, text))
        {
            return intent.AtMost(SlotExtractors.DoubtfulWords);
        }

        if (!Guarded.Contains(intent.Name) || frame.Tags.FirstOrDefault(t => t.IsHead) is not { } device
            || frame.Tags.FirstOrDefault(t => t.IsAction) is not { } action || action.Start < device.End || action.End > text.Length)
        {
            return intent;
        }

        var before = text.AsSpan(frame.SpanStart, Math.Max(0, device.Start - frame.SpanStart));
        var after = text.AsSpan(action.End).Trim(SpeakerSpan.EdgePunctuation);
        return !before.Contains(Disposal, StringComparison.Ordinal) && after.SequenceEqual(Done)
            ? intent.AtMost(SlotExtractors.DoubtfulWords)
            : intent;
    }
}
