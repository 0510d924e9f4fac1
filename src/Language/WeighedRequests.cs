using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// Requests the driver weighs rather than asks for: what one would do (开空调会费油吗, 开窗会不会很吵), whether it is
/// needed (需要开窗吗), what speaks against it (我想开窗但是外面在下雨) or which of two to take (开窗还是开空调). The car
/// asks whether it is meant instead of doing it; 还是…吧 after a request prefers the second (放周杰伦的歌，还是放林俊杰的吧).
/// </summary>
public sealed class WeighedRequests(Lexicon lexicon)
{
    private const string OrWord = "还是";
    private const string RatherEnd = "吧";

    /// <summary>空调二十度够吗: a setting said without an action is weighed too.</summary>
    private const string NumberGroup = "num";

    private const string PlayConcept = "act:play";

    private readonly IReadOnlyList<string> _weighWords = lexicon.SlotWords("weighWords");
    private readonly IReadOnlyList<string> _weighQuestions = lexicon.SlotWords("weighQuestions");
    private readonly IReadOnlyList<string> _questionEnds = lexicon.SlotWords("questionEnds");
    private readonly IReadOnlyList<string> _butWords = lexicon.SlotWords("butWords");
    private readonly IReadOnlyList<string> _adviceOpenings = lexicon.SlotWords("adviceOpenings");

    /// <summary>
    /// 开窗还是开空调: 还是 stands between the previous request's words and <paramref name="frame"/>, which asks for
    /// something of its own (还是有点热 says the cabin is still hot).
    /// </summary>
    public static bool OffersAnother(Frame previous, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(frame);
        var joins = previous.Tags.Count > 0 && IsOr(previous.Tags[^1]) ? 0 : frame.Tags.Count > 0 && IsOr(frame.Tags[0]) ? 1 : -1;
        return joins >= 0 && frame.Tags.Skip(joins).Any(t => t.IsAction);
    }

    private static bool IsOr(Tag tag) => tag.Surface == OrWord;

    /// <summary>还是放林俊杰的吧: the other one offered is the one wanted, not a question.</summary>
    public static bool PrefersTheOther(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().TrimEnd(SpeakerSpan.EdgePunctuation).EndsWith(RatherEnd, StringComparison.Ordinal);
    }

    /// <summary>
    /// 开空调会费油吗, 开窗会不会很吵: a word of <c>weighWords</c> right after the request's words, in a question;
    /// 我想开窗但是外面在下雨: a but (<c>butWords</c>) right after them; 需要开窗吗, 你觉得要开窗吗: advice asked for
    /// (<c>adviceOpenings</c> in a question).
    /// </summary>
    public bool Weighs(Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        var after = -1;
        var asksForSomething = false;
        foreach (var tag in frame.Tags)
        {
            var setting = tag.IsAction || tag.HasGroup(NumberGroup);
            asksForSomething |= setting;
            after = setting || tag.IsHead ? Math.Max(after, tag.End) : after;
        }

        if (!asksForSomething || frame.Tags.Any(t => t.Has(PlayConcept)))
        {
            // After a word to play the same words open a title (播放会不会).
            return false;
        }

        var said = text.AsSpan(Math.Min(after, text.Length)).TrimStart(SpeakerSpan.EdgePunctuation);
        var asks = WordLists.EndsWithAny(text, _questionEnds);
        return WordLists.StartsWithAny(said, _weighQuestions) || WordLists.StartsWithAny(said, _butWords)
            || (asks && WordLists.StartsWithAny(said, _weighWords))
            || (asks && WordLists.StartsWithAny(text, _adviceOpenings));
    }
}
