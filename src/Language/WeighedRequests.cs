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
    private readonly IReadOnlyList<string> _weighBefore = lexicon.SlotWords("weighBefore");
    private readonly string[] _stillWords = [.. lexicon.SlotWords("again").Where(w => w.Length > OrWord.Length && w.StartsWith(OrWord, StringComparison.Ordinal))];

    /// <summary>
    /// 开窗还是开空调, 开内循环还是外循环: 还是 stands between the previous request's words and <paramref name="frame"/>,
    /// which asks for something or names a thing of its own (还是有点热 says the cabin is still hot).
    /// </summary>
    public static bool OffersAnother(Frame previous, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(frame);
        var joins = previous.Tags.Count > 0 && IsOr(previous.Tags[^1]) ? 0 : frame.Tags.Count > 0 && IsOr(frame.Tags[0]) ? 1 : -1;
        return joins >= 0 && frame.Tags.Skip(joins).Any(t => t.IsAction || (t.IsHead && !t.HasGroup(NeedGroup)));
    }

    private const string NeedGroup = "need";

    private static bool IsOr(Tag tag) => tag.Surface == OrWord;

    /// <summary>还是放林俊杰的吧: the other one offered is the one wanted, not a question.</summary>
    public static bool PrefersTheOther(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().TrimEnd(SpeakerSpan.EdgePunctuation).EndsWith(RatherEnd, StringComparison.Ordinal);
    }

    /// <summary>
    /// 开空调会费油吗, 开窗会不会很吵, 静音会不会听不到导航: a word of <c>weighWords</c> right after one of the request's
    /// words, in a question; 我想开窗但是外面在下雨: a but (<c>butWords</c>) right after one; 需要开窗吗, 你觉得要开窗吗:
    /// advice asked for (<c>adviceOpenings</c> in a question); 天气好适合开窗兜风: a word that weighs right before the
    /// action (<c>weighBefore</c>).
    /// </summary>
    public bool Weighs(Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        if (!frame.Tags.Any(IsSetting) || frame.Tags.Any(t => t.Has(PlayConcept)))
        {
            // After a word to play the same words open a title (播放会不会).
            return false;
        }

        var asks = WordLists.EndsWithAny(text, _questionEnds);
        var prefers = PrefersTheOther(text);
        return (asks && WordLists.StartsWithAny(text, _adviceOpenings))
            || frame.Tags.Any(t => t.IsAction && WordLists.SaidRightBefore(text, t.Start, _weighBefore))
            || frame.Tags.Any(t => (IsSetting(t) || t.IsHead) && WeighsAfter(text, t.End, asks, prefers));
    }

    /// <summary>An action, a number or an amount (开到最大) the request asks for.</summary>
    private static bool IsSetting(Tag tag) => tag.IsAction || tag.HasGroup(NumberGroup) || tag.HasGroup(AmountGroup);

    private const string AmountGroup = "amt";

    /// <summary>
    /// 静音会不会听不到导航: what follows one of the request's words weighs it; so does 还是 and something else
    /// (给小王打电话还是发微信), unless the other is preferred (还是…吧) or 还是 only says "still" (还是有点热).
    /// </summary>
    private bool WeighsAfter(string text, int end, bool asks, bool prefers)
    {
        var said = text.AsSpan(Math.Min(end, text.Length)).TrimStart(SpeakerSpan.EdgePunctuation);
        return WordLists.StartsWithAny(said, _weighQuestions) || WordLists.StartsWithAny(said, _butWords)
            || (asks && WordLists.StartsWithAny(said, _weighWords))
            || (!prefers && said.StartsWith(OrWord, StringComparison.Ordinal) && said.Length > OrWord.Length
                && !WordLists.StartsWithAny(said, _stillWords));
    }
}
