using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 他说要开窗, 老婆说把空调关了, 听说开窗省油, 他让我开窗, 我妈叫我把窗关上: a request reported from someone else's mouth
/// (说 before it, or 让我 / 叫我 / 要我: lexicon <c>tellingWords</c>; said by anyone but the speaker, lexicon
/// <c>speakerWords</c> for 我说 and 咱们说) may be the passenger's wish or only news; the car asks the driver first. Words
/// that hold 说 without saying (说明, 小说, lexicon <c>notSaying</c>) do not count, and neither does 让我 with nobody
/// before it (让我听听 is the speaker's own wish).
/// </summary>
public sealed class SaidBySomeoneElse(Lexicon lexicon)
{
    /// <summary>某某的说放一首某某的歌: 的 before 说 is a slip of the recogniser, nobody's saying.</summary>
    private const char Of = '的';

    private readonly IReadOnlyList<string> _tellingWords = lexicon.SlotWords("tellingWords");
    private readonly IReadOnlyList<string> _speakerWords = lexicon.SlotWords("speakerWords");
    private readonly IReadOnlyList<string> _notSaying = lexicon.SlotWords("notSaying");

    /// <summary><paramref name="intent"/>, asked about when someone else said it before <paramref name="frame"/> asked for it.</summary>
    public Intent AskedIfReported(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        var said = text[..Math.Min(frame.RequestStart, text.Length)];
        var say = _tellingWords.Select(word => said.LastIndexOf(word, StringComparison.Ordinal)).DefaultIfEmpty(-1).Max();
        // 缘分让我爱上了你这首歌: a telling word inside the words the intent carries is theirs.
        if (say < 0 || intent.Slots.Any(slot => slot.Value.Text is { Length: > 0 } value && IsInside(text, say, value)))
        {
            return intent;
        }

        var before = frame.TextBeforeRequest(text);
        if (_notSaying.Any(w => IsInside(before, say, w)))
        {
            return intent;
        }

        var sayer = before[..say].Trim(SpeakerSpan.EdgePunctuation);
        var bySpeaker = sayer.Length == 0 || sayer.EndsWith(Of) || WordLists.EndsWithAny(sayer, _speakerWords);
        return bySpeaker ? intent : intent.AtMost(SlotExtractors.DoubtfulWords);
    }

    /// <summary>Whether <paramref name="word"/> covers the character at <paramref name="index"/> of <paramref name="text"/>.</summary>
    private static bool IsInside(string text, int index, string word)
    {
        for (var start = Math.Max(0, index - word.Length + 1); start <= index; start++)
        {
            if (start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
