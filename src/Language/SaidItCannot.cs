using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 解锁不了, 后备箱打开不了, 车窗关不了: an action followed by a word saying it cannot be done (lexicon
/// <c>unableMarks</c>) reports a fault or a complaint, which may or may not ask the car to try; the car asks first.
/// After a word to play, the same words open a title (我想听不上某某的当).
/// </summary>
public sealed class SaidItCannot(Lexicon lexicon)
{
    private const string PlayConcept = "act:play";

    private readonly IReadOnlyList<string> _unable = lexicon.SlotWords("unableMarks");

    /// <summary><paramref name="intent"/>, asked about when an action of <paramref name="frame"/> is said to be impossible.</summary>
    public Intent AskedIfUnable(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        var unable = frame.Tags.Any(t => t.IsAction && !t.Has(PlayConcept) && t.End <= text.Length
            && _unable.Any(u => text.AsSpan(t.End).StartsWith(u, StringComparison.Ordinal)));
        return unable ? intent.AtMost(SlotExtractors.DoubtfulWords) : intent;
    }
}
