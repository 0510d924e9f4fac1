using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 要开窗吗, 开空调吗: a request for the cabin followed by nothing but 吗 is as often a question put to someone in the car
/// (do you want the window open?) as an order, so the car asks. Asking whether it can (能帮我开个窗吗, 可以开窗吗: lexicon
/// <c>askingWhetherItCan</c> before the request) or asking politely (开窗好吗, 开窗行吗: a word between the request and
/// 吗) still orders it.
/// </summary>
public sealed class OfferedNotAsked(Lexicon lexicon)
{
    private static readonly string[] CabinRequests =
        ["window.", "sunroof.", "sunshade.", "climate.", "seat.", "door.", "trunk.", "light.", "wiper.", "screen."];

    private const string Question = "吗";

    private const string ConfirmConcept = "confirm";

    private readonly IReadOnlyList<string> _askingWhetherItCan = lexicon.SlotWords("askingWhetherItCan");

    /// <summary><paramref name="intent"/>, asked about when <paramref name="frame"/> of <paramref name="text"/> may only offer it.</summary>
    public Intent AskedIfOffered(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        if (frame.Tags.Count == 0 || !CabinRequests.Any(r => intent.Name.StartsWith(r, StringComparison.Ordinal)))
        {
            return intent;
        }

        // 好 in 开窗好吗 is tagged as a yes; only what follows the last of everything else counts.
        var last = frame.Tags.Where(t => !t.Has(ConfirmConcept)).Select(t => t.End).DefaultIfEmpty(frame.SpanEnd).Max();
        var end = Math.Min(frame.SpanEnd, text.Length);
        var after = last < end ? text.AsSpan(last, end - last).Trim(SpeakerSpan.EdgePunctuation) : [];
        var before = frame.TextBeforeRequest(text);
        return after.SequenceEqual(Question) && !_askingWhetherItCan.Any(w => before.Contains(w, StringComparison.Ordinal))
            ? intent.AtMost(SlotExtractors.DoubtfulWords)
            : intent;
    }
}
