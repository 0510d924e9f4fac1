using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 他说要开窗, 老婆说把空调关了, 听说开窗省油: a request reported from someone else's mouth (说 before it, said by anyone
/// but the speaker, lexicon <c>speakerWords</c> for 我说 and 咱们说) may be the passenger's wish or only news; the car
/// asks the driver first. Words that hold 说 without saying (说明, 小说, lexicon <c>notSaying</c>) do not count.
/// </summary>
public sealed class SaidBySomeoneElse(Lexicon lexicon)
{
    private const char Say = '说';

    /// <summary>某某的说放一首某某的歌: 的 before 说 is a slip of the recogniser, nobody's saying.</summary>
    private const char Of = '的';

    private readonly IReadOnlyList<string> _speakerWords = lexicon.SlotWords("speakerWords");
    private readonly IReadOnlyList<string> _notSaying = lexicon.SlotWords("notSaying");

    /// <summary><paramref name="intent"/>, asked about when someone else said it before <paramref name="frame"/> asked for it.</summary>
    public Intent AskedIfReported(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        var say = text.AsSpan(0, Math.Min(frame.RequestStart, text.Length)).LastIndexOf(Say);
        if (say < 0)
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
