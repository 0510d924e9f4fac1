namespace Car.Language;

/// <summary>
/// 开窗太吵了, 开窗风太大了, 调大音量太吵了: a complaint (lexicon <c>complaint</c>: 太, 有点, 太吵了) said right after a
/// request to open, switch on or raise something, with no pause between them, tells what doing it is like; the
/// request is what is complained about, not asked for, and what the complaint asks (a lower volume, less fan) is only
/// a guess at what would help, so it is asked about. 关窗，太吵了 (a pause) and 关窗太吵了 (closing, which the noise is a
/// reason for) keep both.
/// </summary>
public static class ComplaintAfterOpening
{
    private const string ComplaintConcept = "complaint";

    /// <summary>Whether <paramref name="complaintFrame"/> complains about <paramref name="request"/> (read from
    /// <paramref name="requestFrame"/> just before it).</summary>
    public static bool Applies(Frame complaintFrame, Intent request, Frame requestFrame)
    {
        ArgumentNullException.ThrowIfNull(complaintFrame);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(requestFrame);
        if (requestFrame.Tags.Count == 0 || complaintFrame.Tags.Count == 0 || !OpensOrRaises(request)
            || !complaintFrame.Tags.Any(t => t.Has(ComplaintConcept)))
        {
            return false;
        }

        return requestFrame.Tags.Max(t => t.End) == complaintFrame.Tags.Min(t => t.Start);
    }

    private static bool OpensOrRaises(Intent request) =>
        request.Name.EndsWith(".open", StringComparison.Ordinal) || request.Name.EndsWith(".on", StringComparison.Ordinal)
        || request.Name == IntentNames.MediaPlay || request.Number(SlotNames.Delta) > 0;
}
