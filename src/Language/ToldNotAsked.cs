using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// Request words in a sentence that tells rather than asks: what already happened (刚才车窗自己开了, 我昨天去了公司,
/// 我把车窗打开了), what is going on (我在听歌, 你在导航吗) or how things are (空调一直开着), a question whether it is
/// done (车门锁了没), who did it (谁开的窗) or what it is (放的什么歌), where the car has got to (到家了) and what the
/// speaker will do themselves (我自己开窗). The car does not act on them.
/// </summary>
public sealed class ToldNotAsked(Lexicon lexicon)
{
    /// <summary>The lexicon concept of words that place an action in the past or make it nobody's request (刚才, 已经, 自己).</summary>
    public const string HappenedConcept = "happened";

    private readonly IReadOnlyList<string> _doneMarks = lexicon.SlotWords("doneMarks");
    private readonly IReadOnlyList<string> _complements = lexicon.SlotWords("resultComplements");
    private readonly IReadOnlyList<string> _doneQuestions = lexicon.SlotWords("doneQuestions");
    private readonly IReadOnlyList<string> _wantWords = lexicon.SlotWords("wantWords");
    private readonly IReadOnlyList<string> _goingOnSubjects = lexicon.SlotWords("goingOnSubjects");
    private readonly IReadOnlyList<string> _arriveWords = lexicon.SlotWords("arriveWords");
    private readonly IReadOnlyList<string> _questionWords = lexicon.SlotWords("questionWords");
    private readonly IReadOnlyList<string> _degreeWords = lexicon.SlotWords("degreeWords");
    private readonly IReadOnlyList<string> _selfWords = lexicon.SlotWords("selfWords");
    private readonly IReadOnlyList<string> _otherDoers = lexicon.SlotWords("otherDoers");
    private readonly IReadOnlyList<string> _doers = lexicon.SlotWords("doers");
    private readonly IReadOnlyList<string> _peopleInTheCar = lexicon.SlotWords("peopleInTheCar");

    /// <summary>Whether <paramref name="frame"/> of <paramref name="text"/> tells something instead of asking for it.</summary>
    public bool Applies(Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        return TellsWhatHappened(frame, text) || AsksWhetherDone(frame, text) || TellsWhatIsGoingOn(frame, text)
            || TellsOfArriving(frame, text) || TellsItWasDoneBefore(frame, text) || AsksWhoDidIt(frame, text)
            || TellsHowItIs(frame, text) || AsksWhatItIs(frame, text) || SpeakerWillDoIt(frame, text);
    }

    /// <summary>我自己开窗, 我来开空调: the speaker says they will do it themselves (lexicon <c>selfWords</c>).</summary>
    private bool SpeakerWillDoIt(Frame frame, string text) =>
        frame.Tags.Any(t => t.IsAction && WordLists.SaidRightBefore(text, t.Start, _selfWords));

    /// <summary>
    /// 空调一直开着, 窗户开着呢, 车门是开的, 空调开得太冷了, 开空调开得嗓子疼, 空调开了一晚上: an action with 着 (lasting),
    /// between 是 and 的, with 得 and how it is (a word of degree, <c>degreeWords</c>: 太, 挺, or anything but a request:
    /// 开得大一点 asks for more), or with 了 and how long, tells how things are; 把空调开着 keeps it on. After a word to
    /// play they open a title (我想听着魔). 氛围灯是红色的: a colour between 是 and 的 tells it too.
    /// </summary>
    private bool TellsHowItIs(Frame frame, string text) =>
        frame.Tags.Any(t => t.Has(ColorConcept) && IsSaidToBe(text, t)) || IsListeningAlready(frame, text)
        || frame.Tags.Any(t => t.IsAction && !t.Has(PlayConcept) && t.End <= text.Length && !IsKept(frame, text, t) && !IsTitleAfterPlay(frame, t)
            && (t.Surface[^1] == Lasting || (t.End < text.Length && text[t.End] == Lasting) || IsSaidToBe(text, t)
                || TellsHowItWasDone(frame, text, t) || TellsHowLong(frame, text, t)));

    /// <summary>听着歌真舒服: 着 and a word for music right after a word to play says music is on (我想听着魔 is a title).</summary>
    private static bool IsListeningAlready(Frame frame, string text) =>
        frame.Tags.Any(t => t.Has(PlayConcept) && t.End + 1 < text.Length && text[t.End] == Lasting
            && WordLists.StartsWithAny(text.AsSpan(t.End + 1), MusicWords));

    private static readonly string[] MusicWords = ["歌", "音乐", "曲子"];

    /// <summary>
    /// 开得太冷了, 开得嗓子疼: 得 after the action and no request after it (开得大一点 asks for more). After going
    /// somewhere or calling someone the words are a name (导航到得月楼).
    /// </summary>
    private bool TellsHowItWasDone(Frame frame, string text, Tag action) =>
        action.End < text.Length && text[action.End] == Manner
        && (WordLists.StartsWithAny(text.AsSpan(action.End + 1), _degreeWords)
            || (!action.Has(GoConcept) && !action.Has(CallConcept)
                && !frame.Tags.Any(t => t.Start > action.End && (t.IsAction || t.HasGroup(AmountGroup)))));

    private const string CallConcept = "act:call";

    /// <summary>空调开了一晚上: 了 after the action, then how long.</summary>
    private static bool TellsHowLong(Frame frame, string text, Tag action) =>
        frame.Tags.Any(t => t.Has(DurationConcept) && t.Start == action.End + 1 && text[action.End] == Done);

    private const string DurationConcept = "num:duration";

    private const string AmountGroup = "amt";

    private const char Done = '了';

    /// <summary>车门是开的, 天窗是开的还是关的: 是 before the action (or colour) and 的 after it say what state it is in.</summary>
    private static bool IsSaidToBe(string text, Tag said) =>
        said.Start > 0 && text[said.Start - 1] == Is && said.End < text.Length && text[said.End] == Of;

    private const char Is = '是';

    private const string ColorConcept = "color";

    private const char Of = '的';

    /// <summary>播放一直开着: after a word to play, the words are a title's.</summary>
    private static bool IsTitleAfterPlay(Frame frame, Tag action) =>
        frame.Tags.Any(p => p.Has(PlayConcept) && p.End <= action.Start);

    /// <summary>把空调开着: 把 before the action asks to keep it so.</summary>
    private static bool IsKept(Frame frame, string text, Tag action) =>
        action.Start > frame.SpanStart && text.AsSpan(frame.SpanStart, action.Start - frame.SpanStart).Contains(Hold);

    private const char Lasting = '着';

    private const string PlayConcept = "act:play";

    private const char Manner = '得';

    private const char Hold = '把';

    /// <summary>
    /// 放的什么歌, 开的是几度, 上一首是什么歌: an action, then 的 or 是 (or both) and a question word asks what is done,
    /// not to do it.
    /// </summary>
    private bool AsksWhatItIs(Frame frame, string text) =>
        frame.Tags.Any(t => t.IsAction && t.End < text.Length && IsOfOrIs(text[t.End])
            && _questionWords.Any(q => text.AsSpan(t.End).TrimStart(OfOrIs).StartsWith(q, StringComparison.Ordinal)));

    private static bool IsOfOrIs(char c) => OfOrIs.Contains(c, StringComparison.Ordinal);

    private const string OfOrIs = "的是";

    /// <summary>
    /// 刚刚是谁开的窗, 谁开的空调, 是不是有人开过车门: 谁 or someone else (lexicon <c>otherDoers</c>) right before the
    /// action asks who did it or tells that someone did; nobody asks the car to do it.
    /// </summary>
    private bool AsksWhoDidIt(Frame frame, string text) =>
        frame.Tags.Any(t => t.IsAction && WordLists.SaidRightBefore(text, t.Start, _otherDoers));

    /// <summary>
    /// 这首歌我听过, 周杰伦的歌都听过了, 那里去过吗: an action that ends what is said with 过 (and perhaps 了 or a
    /// question's end) tells or asks whether it was ever done; 再听一遍, 听过的那首 and 去过的地方 are other sentences.
    /// </summary>
    private bool TellsItWasDoneBefore(Frame frame, string text)
    {
        var end = text.AsSpan().TrimEnd(SpeakerSpan.EdgePunctuation).Length;
        foreach (var done in frame.Tags)
        {
            if (!done.IsAction || done.End >= end || !text.AsSpan(done.End).StartsWith(Before, StringComparison.Ordinal))
            {
                continue;
            }

            // 开过车门吗: the device may come after 过.
            var afterBefore = done.End + Before.Length;
            var heads = frame.Tags.Where(t => t.IsHead && t.Start == afterBefore).Select(t => t.End).DefaultIfEmpty(afterBefore).Max();
            var rest = text[Math.Min(heads, end)..end];
            if (rest.Length == 0 || _doneMarks.Contains(rest) || _doneQuestions.Contains(rest))
            {
                return true;
            }
        }

        return false;
    }

    private const string Before = "过";

    /// <summary>
    /// 到家了, 回到家了, 马上到公司了: 到 (arrive) with 了 closing what is said tells where the car is or nearly is; a
    /// route there now would be none. 导航到公司, 去公司了 and 带我到公司 still ask for one.
    /// </summary>
    private bool TellsOfArriving(Frame frame, string text)
    {
        var goes = frame.AllTags.Where(t => t.Has(GoConcept)).ToList();
        return goes is [{ } arrive] && _arriveWords.Contains(arrive.Surface) && !frame.AllTags.Any(t => t.Has(NavigationConcept))
            && !IsFollowedByAnotherAction(frame, arrive) && EndsMarkedDone(frame, text, arrive.End);
    }

    /// <summary>到家了把空调关了: a request after the arrival is still asked for.</summary>
    private static bool IsFollowedByAnotherAction(Frame frame, Tag told) =>
        frame.Tags.Any(t => t.IsAction && t.Start >= told.End);

    private const string GoConcept = "act:go";

    /// <summary>
    /// 刚才车窗自己开了, 我刚才把车窗打开了, 音量已经最大了, 昨天去了公司: an action (or an amount) done already, said with a
    /// word that puts it in the past or makes it nobody's request before it (lexicon <c>happened</c>), or by the speaker
    /// as the one who did it (我把车窗打开了, 我解锁了), and 了 or 过 right after it (an ending such as 上 or 掉 between
    /// them, <c>resultComplements</c>) or ending what was said about it (我已经打开车窗了), tells what happened; the car
    /// does not do it again. Without such a word (车窗开了, 把车窗打开了) or without 了 (刚才那首歌再放一遍) it is still
    /// a request.
    /// </summary>
    private bool TellsWhatHappened(Frame frame, string text)
    {
        foreach (var done in frame.Tags)
        {
            if ((done.IsAction || done.HasGroup("amt"))
                && (frame.Tags.Any(h => h.Has(HappenedConcept) && h.End <= done.Start) || IsSpeakerTheDoer(frame, text, done))
                && (done.Surface.EndsWith(DoneMark) || IsMarkedDone(text, done.End) || EndsMarkedDone(frame, text, done.End)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 我解锁了, 我把车窗打开了, 我给小王打电话了, 他把电话挂了, 后排小孩把窗户打开了: the speaker or someone else (lexicon
    /// <c>doers</c>, or <c>peopleInTheCar</c> before 把; not 你, whom an order names) before the action, with no word of
    /// wanting or asking between them or in the action's own word (<c>wantWords</c>: 我要给小王打电话了 and 我想听某首歌了
    /// are still requests).
    /// </summary>
    private bool IsSpeakerTheDoer(Frame frame, string text, Tag done)
    {
        if (done.Start > text.Length || frame.SpanStart > done.Start)
        {
            return false;
        }

        var before = text.AsSpan(frame.SpanStart, Math.Min(done.End, text.Length) - frame.SpanStart).Trim(SpeakerSpan.EdgePunctuation);
        if (!before.StartsWith(Speaker, StringComparison.Ordinal) && !WordLists.StartsWithAny(before, _doers)
            && !IsSomeoneElseWhoDidIt(before))
        {
            return false;
        }

        foreach (var want in _wantWords)
        {
            if (before.Contains(want, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private const string Speaker = "我";

    /// <summary>后排小孩把窗户打开了: someone else in the car (lexicon <c>peopleInTheCar</c>) right before 把 did it.</summary>
    private bool IsSomeoneElseWhoDidIt(ReadOnlySpan<char> before)
    {
        var hold = before.IndexOf(Hold);
        return hold > 0 && WordLists.EndsWithAny(before[..hold], _peopleInTheCar);
    }

    private const char DoneMark = '了';

    /// <summary>我已经打开车窗了: what the frame says after the action ends with 了 or 过.</summary>
    private bool EndsMarkedDone(Frame frame, string text, int end)
    {
        var frameEnd = Math.Min(frame.SpanEnd, text.Length);
        return end <= frameEnd
            && _doneMarks.Any(m => text.AsSpan(end, frameEnd - end).TrimEnd(SpeakerSpan.EdgePunctuation).EndsWith(m, StringComparison.Ordinal));
    }

    /// <summary>
    /// 我在听歌, 现在在放什么歌, 你在导航吗, 正在播放: 正在, or 在 after someone or a time (<c>goingOnSubjects</c>: 我, 他,
    /// 现在), right before the action says it is going on; nobody asks for it. A bare 在 at the start is left alone:
    /// recognisers write 在 for 再 (在来一首).
    /// </summary>
    private bool TellsWhatIsGoingOn(Frame frame, string text)
    {
        foreach (var action in frame.Tags)
        {
            if (!(action.IsAction || (action.Has(NavigationConcept) && EndsTheQuestion(text, action.End))) || action.Start > text.Length)
            {
                continue;
            }

            var before = text.AsSpan(0, action.Start);
            if (before.EndsWith(Ongoing, StringComparison.Ordinal))
            {
                return true;
            }

            if (!before.EndsWith(At, StringComparison.Ordinal))
            {
                continue;
            }

            if (WordLists.EndsWithAny(before[..^At.Length], _goingOnSubjects))
            {
                return true;
            }
        }

        return false;
    }

    private const string Ongoing = "正在";

    /// <summary>Whether only a question's end (吗, 没有) or nothing follows <paramref name="end"/>: 你在导航吗, not 在导航里搜.</summary>
    private bool EndsTheQuestion(string text, int end) =>
        end <= text.Length && text[end..].Trim(SpeakerSpan.EdgePunctuation) is var rest
        && (rest.Length == 0 || _doneQuestions.Contains(rest));

    /// <summary>导航 is the device and its verb at once (你在导航吗).</summary>
    private const string NavigationConcept = "dev:nav";

    private const string At = "在";

    /// <summary>
    /// 车门锁了没, 天窗关了吗: an action followed by 了 and a question's end (<c>doneQuestions</c>: 吗, 没, 没有) that ends
    /// the utterance asks whether it is done, whichever word the 了 was read with (the lexicon's 关了 and 门锁了 are
    /// orders, so the question's 了吗 is no tag of its own there).
    /// </summary>
    private bool AsksWhetherDone(Frame frame, string text)
    {
        var end = text.AsSpan().TrimEnd(SpeakerSpan.EdgePunctuation).Length;
        foreach (var done in frame.Tags)
        {
            if (!done.IsAction || done.End > end)
            {
                continue;
            }

            var rest = text[done.End..end];
            var doneAlready = done.Surface.EndsWith(DoneMark);
            if (!doneAlready)
            {
                rest = _complements.FirstOrDefault(c => rest.StartsWith(c, StringComparison.Ordinal)) is { } complement
                    ? rest[complement.Length..]
                    : rest;
                doneAlready = rest.StartsWith(DoneMark);
                rest = doneAlready ? rest[1..] : rest;
            }

            if (doneAlready && _doneQuestions.Contains(rest))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether 了 or 过 follows <paramref name="end"/>, after at most one resultative ending (关上了, 打开过).</summary>
    private bool IsMarkedDone(string text, int end)
    {
        var rest = end <= text.Length ? text.AsSpan(end) : [];
        foreach (var complement in _complements)
        {
            if (rest.StartsWith(complement, StringComparison.Ordinal) && WordLists.StartsWithAny(rest[complement.Length..], _doneMarks))
            {
                return true;
            }
        }

        return WordLists.StartsWithAny(rest, _doneMarks);
    }
}
