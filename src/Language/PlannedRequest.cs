using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// A request said for a time still to come (明天早上去公司, 等会儿给小王打电话: lexicon <c>later</c> before what it asks for)
/// or on a condition (如果下雨就关窗, 下车的时候把车窗关上, 冷的话开空调: <c>conditionMarks</c> anywhere before it) is the
/// driver's plan, and the car keeps no reminders and cannot tell when the condition holds: acting now may be wrong, so
/// it asks whether it is meant now. A time word after the request (暂停一会儿) is part of it.
/// </summary>
public sealed class PlannedRequest(Lexicon lexicon)
{
    public const string LaterConcept = "later";

    private readonly IReadOnlyList<string> _conditions = lexicon.SlotWords("conditionMarks");

    /// <summary><paramref name="intent"/>, asked about when <paramref name="frame"/> of <paramref name="text"/> plans it.</summary>
    public Intent AskedIfPlanned(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        var before = frame.TextBeforeRequest(text);
        var planned = frame.Tags.Any(t => t.Has(LaterConcept) && t.End <= frame.RequestStart)
            || _conditions.Any(c => before.Contains(c, StringComparison.Ordinal));
        return planned ? intent.AtMost(SlotExtractors.DoubtfulWords) : intent;
    }
}
