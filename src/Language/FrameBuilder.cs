namespace Car.Language;

/// <summary>
/// Splits the tags of an utterance into requests. A boundary (，/然后/再/和…) or a new head ends the current
/// request only when that request already means something, so 温度再调低一点 stays one request while
/// 副驾车窗开一半空调调到22度 becomes two. A second action after a complete request about something starts a new one about
/// the same thing (打开空调调到22度); actions with nothing named yet stack (播放下一首, 取消静音). A request left without an action borrows the previous one's (打开车窗和天窗).
/// </summary>
public static class FrameBuilder
{
    /// <summary>Words for media that are not music (相声, 动画片): never swallowed by a title, so they can veto playing.</summary>
    private const string NotMusic = "notmusic";

    /// <summary>不对, 说错了: the speaker takes back what came before; never part of a name or a title.</summary>
    public const string CorrectionConcept = "correction";

    public static List<Frame> Build(IReadOnlyList<Tag> tags, int textLength, IFrameJudge judge)
    {
        var frames = new List<Frame>();
        var joined = new HashSet<Frame>();
        var current = new Frame(0);
        for (var index = 0; index < tags.Count; index++)
        {
            var tag = tags[index];
            if (tag.IsFiller)
            {
                continue;
            }

            // The request's text reaches up to this tag while it is being judged.
            current.SpanEnd = tag.Start;
            if (tag.IsBoundary)
            {
                if (current.IsEmpty)
                {
                    current = new Frame(tag.End);
                }
                else if ((judge.IsComplete(current) || IsRefusal(current) || tag.Has(CorrectionConcept))
                    && !IsInsideSpeakerWords(current, tags, index, judge))
                {
                    frames.Add(current);
                    current = new Frame(tag.End);
                    if (JoiningWords.Contains(tag.Surface) && frames[^1].IsNegated)
                    {
                        // 不要导航和放音乐: the negation before two requests joined by 和 refuses both.
                        current.Inherit(frames[^1].Tags.Where(t => t.Has(NegationConcept)));
                    }
                }

                continue;
            }

            if (tag.Has(GoConcept) && current.IsNegated && current.Tags.Any(t => t.Has(GoConcept)))
            {
                // 别去了回家, 不去公司了去机场: going again after going refused is where to go instead.
                frames.Add(current);
                current = new Frame(tag.Start);
                current.Add(tag);
                continue;
            }

            if (!current.IsEmpty && !tag.HasGroup("pref") && !tag.Has(NotMusic) && judge.TakesSpeakerWords(current)
                && !FollowsWhatHappened(tags, index)
                && (IsInsideUnknownWords(tags, index, textLength) || IsSizeOfAPlace(tags, index)
                    || (tag.Has(NegationConcept) && FollowsUnknownWords(current, tags, index) && !EndsTheRequest(tags, index, textLength))))
            {
                // 我想听我要大声唱出来: 大声 is part of a title, not a request of its own; 导航到机场打开空调 still parts;
                // 音乐被暂停了 tells what happened to the music; 我想听可惜不是你: a negation after the title began is its.
                continue;
            }

            if (tag.Has(NegationConcept) && current.HasAction && !current.IsNegated && judge.IsComplete(current)
                && !judge.TakesSpeakerWords(current) && IsFollowedByWhatItRefuses(tags, index))
            {
                // 开窗别开空调, 打开空调别开窗: a negation after a complete request, before an action, opens the refused
                // one; it does not refuse the request before it (which would leave the refused one to be done).
                // 解锁个屁 refuses what was said before it.
                frames.Add(current);
                current = new Frame(tag.Start);
                current.Add(tag);
                continue;
            }

            if (tag.HasGroup(PositionGroup) && current.Tags.Any(t => t.HasGroup(PositionGroup) && t.Value(PositionGroup) != tag.Value(PositionGroup))
                && judge.IsComplete(current) && !judge.TakesSpeakerWords(current))
            {
                // 主驾温度调高一点副驾调低一点, 主驾二十二度副驾二十四度: another seat after a complete request for one is a
                // request of its own about the same thing; both in one request would leave neither seat named.
                var heads = HeadsToInherit(current);
                frames.Add(current);
                current = new Frame(tag.Start);
                current.Inherit(heads);
                current.Add(tag);
                continue;
            }

            var placeInSpeakerWords = tag.HasGroup("cat") && judge.TakesSpeakerWords(current);
            // 车窗和天窗都关上: two things named before the action they share are two requests.
            var sharesTheNextAction = tag.IsHead && !current.HasAction && IsJoinedToThePrevious(tags, index);
            // 空调打开调到二十度风量调小: a setting for the thing named before it (调到二十度, of the air conditioning)
            // is complete before another thing is named, as one that names its own (关窗开空调: 开 alone is 空调's).
            var namesAnother = current.HasOwnHead
                || (current.HasHead && current.HasAction && current.Tags.Any(t => t.Number is not null) && tag.HasGroup("dev"));
            if (tag.IsHead && namesAnother && !current.HasHeadLike(tag) && !placeInSpeakerWords
                && (judge.IsComplete(current) || sharesTheNextAction))
            {
                if (sharesTheNextAction)
                {
                    joined.Add(current);
                }

                frames.Add(current);
                current = new Frame(tag.Start);
            }
            else if (tag.IsAction && !tag.IsHead && current.HasAction && current.HasHead && (judge.IsComplete(current) || IsRefusal(current)))
            {
                // 这首歌太吵了换一首: 太吵了 asks for its own action; the song is what the next one is about.
                var heads = HeadsToInherit(current);
                frames.Add(current);
                current = new Frame(tag.Start);
                current.Inherit(heads);
            }
            else if (tag.IsAction && !tag.IsHead && current.HasAction && !current.HasHead && NamesItsOwnThing(tags, index)
                && judge.IsComplete(current) && !judge.TakesSpeakerWords(current) && !SpeakerWordActions.Any(tag.Has))
            {
                // 锁车关窗: a request complete without naming a thing, then an action on a thing of its own (退出去播放器
                // and 到北京要听音乐 stay whole: where to go and what to play are the speaker's words).
                frames.Add(current);
                current = new Frame(tag.Start);
            }

            current.Add(tag);
        }

        current.SpanEnd = textLength;
        if (!current.IsEmpty)
        {
            frames.Add(current);
        }

        BorrowMissingActions(frames, tags, judge);
        LendSharedActions(frames, joined);
        return frames;
    }

    private const string GoConcept = "act:go";

    /// <summary>The things a request named, for the next request about them (a complaint is no thing: 太吵了).</summary>
    private static List<Tag> HeadsToInherit(Frame frame) =>
        [.. frame.AllTags.Where(t => t.IsHead && !t.Has(AdjustDirection.ComplaintConcept))];

    /// <summary>Where in the car: 主驾, 副驾, 后排, 左后.</summary>
    private const string PositionGroup = "pos";

    /// <summary>Actions whose request takes the speaker's words: going, playing, calling.</summary>
    private static readonly string[] SpeakerWordActions = ["act:go", "act:play", "act:call"];

    /// <summary>Whether the action at <paramref name="index"/> is followed right away by the thing it acts on (关窗).</summary>
    private static bool NamesItsOwnThing(IReadOnlyList<Tag> tags, int index) =>
        index + 1 < tags.Count && tags[index + 1].Start == tags[index].End && tags[index + 1].HasGroup("dev");

    /// <summary>
    /// Whether the next tag after <paramref name="index"/> that is no filler is an action, a device (别开空调, where 别开 is
    /// one word), an amount (开一点就行别全开 only limits the request before it) or a need (调到二十就行别太冷).
    /// </summary>
    private static bool IsFollowedByWhatItRefuses(IReadOnlyList<Tag> tags, int index) =>
        NextSaid(tags, index, 1) is { } next
        && (next.IsAction || next.HasGroup("dev") || next.HasGroup("amt") || next.Has("complaint") || next.HasGroup("need"));

    /// <summary>The nearest tag that is no filler after (<paramref name="step"/> 1) or before (-1) <paramref name="index"/>.</summary>
    private static Tag? NextSaid(IReadOnlyList<Tag> tags, int index, int step)
    {
        for (var at = index + step; at >= 0 && at < tags.Count; at += step)
        {
            if (!tags[at].IsFiller)
            {
                return tags[at];
            }
        }

        return null;
    }

    /// <summary>Whether nothing but a pause follows the tag at <paramref name="index"/> (放一首某首歌不: the 不 is no title's;
    /// in 不能和你分手 a word follows).</summary>
    private static bool EndsTheRequest(IReadOnlyList<Tag> tags, int index, int textLength) =>
        tags[index].End >= textLength || (index + 1 < tags.Count && tags[index + 1].IsBoundary && tags[index + 1].Start == tags[index].End
            && !char.IsLetter(tags[index + 1].Surface[0]));

    /// <summary>Whether words the lexicon does not know stand between the frame's last tag and the tag at <paramref name="index"/>.</summary>
    private static bool FollowsUnknownWords(Frame current, IReadOnlyList<Tag> tags, int index) =>
        current.Tags.Count > 0 && tags[index].Start > current.Tags[^1].End;

    /// <summary>不要导航，放音乐: something named and refused is a request of its own, even where no rule reads it.</summary>
    private static bool IsRefusal(Frame frame) => frame.IsNegated && frame.HasOwnHead;

    /// <summary>Words that join two things named (车窗和天窗, 空调跟座椅加热), where 然后 or 再 join two requests.</summary>
    private static readonly string[] JoiningWords = ["和", "跟", "与", "以及", "还有", "、"];

    /// <summary>Whether the tag at <paramref name="index"/> follows a word joining it to the thing named before it.</summary>
    private static bool IsJoinedToThePrevious(IReadOnlyList<Tag> tags, int index) =>
        NextSaid(tags, index, -1) is { IsBoundary: true } previous && previous.End == tags[index].Start
        && JoiningWords.Contains(previous.Surface);

    /// <summary>
    /// 车窗和天窗都关上, 空调和座椅加热都别开: a thing named without an action, joined to the next request, shares its
    /// action and its negation.
    /// </summary>
    private static void LendSharedActions(List<Frame> frames, HashSet<Frame> joined)
    {
        for (var i = frames.Count - 2; i >= 0; i--)
        {
            if (joined.Contains(frames[i]) && !frames[i].HasAction && frames[i + 1].HasAction)
            {
                frames[i].Inherit(frames[i + 1].AllTags.Where(t => t.IsAction || t.Has(NegationConcept)).Select(ActionOnly));
            }
        }
    }

    private const string NegationConcept = "neg";

    /// <summary>关闭导航: the action of a word that also names a device, without the device.</summary>
    private static Tag ActionOnly(Tag tag) =>
        tag.IsHead && tag.IsAction ? tag with { Concepts = [.. tag.Concepts.Where(c => c.StartsWith("act:", StringComparison.Ordinal))] } : tag;

    /// <summary>
    /// A conjunction word inside a name (颐和园, 清和大酒店) does not end a request that takes the speaker's words unless
    /// another request follows it; punctuation always does.
    /// </summary>
    private static bool IsInsideSpeakerWords(Frame current, IReadOnlyList<Tag> tags, int boundary, IFrameJudge judge)
    {
        if (!char.IsLetter(tags[boundary].Surface[0]) || tags[boundary].Has(CorrectionConcept) || !judge.TakesSpeakerWords(current))
        {
            return false;
        }

        for (var i = boundary + 1; i < tags.Count && !tags[i].IsBoundary; i++)
        {
            // A place word ends a name (清和大酒店), it does not start a request.
            if ((tags[i].IsHead && !tags[i].HasGroup("cat")) || (tags[i].IsAction && !IsSizeOfAPlace(tags, i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the stretch from this tag to the next boundary has characters the lexicon does not know: the
    /// speaker is still saying a name or a title. A request of its own (打开空调, 大声点) is known words throughout.
    /// </summary>
    private static bool IsInsideUnknownWords(IReadOnlyList<Tag> tags, int index, int textLength)
    {
        var end = textLength;
        var covered = 0;
        for (var i = index; i < tags.Count; i++)
        {
            if (tags[i].IsBoundary)
            {
                end = tags[i].Start;
                break;
            }

            covered += tags[i].End - tags[i].Start;
        }

        return covered < end - tags[index].Start;
    }

    /// <summary>An action right after 被 or 已经 (lexicon <c>happened</c>): what was done, not the start of a title.</summary>
    private static bool FollowsWhatHappened(IReadOnlyList<Tag> tags, int index) =>
        tags[index].IsAction && index > 0 && tags[index - 1].Has(ToldNotAsked.HappenedConcept) && tags[index - 1].End == tags[index].Start;

    /// <summary>大 before 酒店 in 开元大酒店 is part of the name, not "bigger".</summary>
    private static bool IsSizeOfAPlace(IReadOnlyList<Tag> tags, int index) =>
        tags[index] is { Surface.Length: 1 } size && (size.Has("act:up") || size.Has("act:down"))
        && index + 1 < tags.Count && tags[index + 1].Start == size.End && tags[index + 1].HasGroup("cat");

    private static void BorrowMissingActions(List<Frame> frames, IReadOnlyList<Tag> tags, IFrameJudge judge)
    {
        for (var i = 1; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.HasAction || !frame.HasOwnHead || judge.IsComplete(frame))
            {
                continue;
            }

            // 关闭导航和音乐: the action inside a word that also names a device (关闭导航) is lent without the device;
            // 别打开车窗和天窗: its negation goes with it, unless other words stand between (不要开窗要开空调, where 要开
            // is an action the lexicon did not find).
            var previous = frames[i - 1];
            var joined = previous.Tags.Count > 0 && frame.Tags.Count > 0 && OnlyTagsBetween(tags, previous.Tags[^1].End, frame.Tags[0].Start, t => t.IsBoundary || t.IsFiller);
            frame.Inherit([.. previous.Tags.Where(t => t.IsAction || (joined && t.Has(NegationConcept))).Select(ActionOnly)]);
        }
    }

    /// <summary>Whether every character from <paramref name="from"/> to <paramref name="to"/> lies inside a tag that is <paramref name="kind"/>.</summary>
    internal static bool OnlyTagsBetween(IReadOnlyList<Tag> tags, int from, int to, Func<Tag, bool> kind)
    {
        for (var at = from; at < to; at++)
        {
            if (!tags.Any(t => kind(t) && t.Start <= at && at < t.End))
            {
                return false;
            }
        }

        return true;
    }
}
