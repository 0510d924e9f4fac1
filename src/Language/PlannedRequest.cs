using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// A request said for a time still to come (明天早上去公司, 等会儿给小王打电话, 五分钟后关窗: lexicon <c>later</c> before
/// what it asks for) or on a condition (如果下雨就关窗, 下车的时候把车窗关上, 冷的话开空调, 到家前把空调打开:
/// <c>conditionMarks</c> anywhere before it), or after something that is no request of the car's and must happen first
/// (车停稳了再解锁, 等我下车再锁, 到家了再解锁: a clause that ends with 了 or opens with waiting, <c>waitOpenings</c>,
/// then 再), or after arriving somewhere named (到了隧道关窗: <c>arrivalMarks</c>), is the driver's plan, and the car
/// keeps no reminders and cannot tell when the condition holds: acting now may be wrong, so it asks whether it is meant
/// now. A time word after the request (暂停一会儿) is part of it; 关好窗户再锁车 and
/// 天窗已经开了再开大一点 (a request of the car's before 再) are done in turn.
/// </summary>
public sealed class PlannedRequest(Lexicon lexicon)
{
    public const string LaterConcept = "later";

    private readonly IReadOnlyList<string> _conditions = lexicon.SlotWords("conditionMarks");
    private readonly IReadOnlyList<string> _waitOpenings = lexicon.SlotWords("waitOpenings");
    private readonly IReadOnlyList<string> _arrivals = lexicon.SlotWords("arrivalMarks");
    private readonly IReadOnlyList<string> _requestOpenings = lexicon.SlotWords("requestOpenings");

    /// <summary><paramref name="intent"/>, asked about when <paramref name="frame"/> of <paramref name="text"/> plans it.</summary>
    /// <param name="tags">All of the utterance's tags: what is said before 再 must name nothing the car does.</param>
    public Intent AskedIfPlanned(Intent intent, Frame frame, string text, IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tags);
        // 到家前把空调打开: 到 begins no request of its own here, so the condition is looked for before the thing too.
        var firstThing = frame.Tags.Where(t => t.IsHead).Select(t => t.Start).DefaultIfEmpty(0).Min();
        var before = text[..Math.Clamp(Math.Max(frame.RequestStart, firstThing), 0, text.Length)];
        var planned = frame.Tags.Any(t => t.Has(LaterConcept) && t.End <= frame.RequestStart)
            || _conditions.Any(c => before.Contains(c, StringComparison.Ordinal))
            || WaitsForSomethingFirst(before, tags) || ArrivesSomewhereFirst(before);
        return planned ? intent.AtMost(SlotExtractors.DoubtfulWords) : intent;
    }

    private bool WaitsForSomethingFirst(string before, IReadOnlyList<Tag> tags)
    {
        var then = before.AsSpan().TrimEnd(SpeakerSpan.EdgePunctuation);
        if (!then.EndsWith(Then))
        {
            return false;
        }

        var clauseEnd = then.Length - Then.Length;
        var clauseStart = then[..clauseEnd].LastIndexOfAny(SpeakerSpan.EdgePunctuation) + 1;
        var clause = then[clauseStart..clauseEnd];
        if (clause.StartsWith(Arrive) && clause.EndsWith(Done))
        {
            // 到家了再解锁, 到公司了再叫我: having arrived is what is waited for, not a route asked for.
            return true;
        }

        return clause.Length > 0 && !tags.Any(t => (t.IsAction || t.IsHead) && t.Start >= clauseStart && t.End <= clauseEnd)
            && (clause.EndsWith(Done) || WordLists.StartsWithAny(clause, _waitOpenings));
    }

    private const string Arrive = "到";

    /// <summary>
    /// 到了隧道关窗, 到了服务区开后备箱: arriving somewhere named (<c>arrivalMarks</c> and a place after them) is a
    /// condition, and so is 到了再开后备箱 (when we are there); 到了把后备箱打开 says the car has arrived, and asks for it now.
    /// </summary>
    private bool ArrivesSomewhereFirst(string before)
    {
        foreach (var mark in _arrivals)
        {
            var at = before.LastIndexOf(mark, StringComparison.Ordinal);
            var after = at < 0 ? string.Empty : before[(at + mark.Length)..];
            if (after.AsSpan().Trim(SpeakerSpan.EdgePunctuation).Length >= MinimumPlace && !WordLists.StartsWithAny(after, _requestOpenings))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A place's name is two characters at least (服务区, 家 is said 到家了).</summary>
    private const int MinimumPlace = 2;

    private const string Then = "再";

    private const string Done = "了";
}
