namespace Car.Language;

/// <summary>
/// 明天早上去公司, 等会儿给小王打电话, 晚上把空调打开: a request said with a time still to come before it (lexicon
/// <c>later</c>: 明天, 等会儿, 下午) is the driver's plan, and the car has no reminders; acting now may be wrong, so the
/// car asks whether it is meant now. A time word after the request (暂停一会儿) is part of it.
/// </summary>
public static class PlannedForLater
{
    public const string LaterConcept = "later";

    /// <summary>How sure a request planned for later is: below <see cref="Intent.ClearEnough"/>, so asked.</summary>
    public const double Confidence = 0.6;

    /// <summary><paramref name="intent"/>, asked about when <paramref name="frame"/> names a later time before what it asks for.</summary>
    public static Intent AskedIfLater(Intent intent, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        var firstRequestWord = frame.Tags.Where(t => t.IsAction || t.IsHead).Select(t => t.Start).DefaultIfEmpty(int.MaxValue).Min();
        return frame.Tags.Any(t => t.Has(LaterConcept) && t.End <= firstRequestWord)
            ? intent with { Confidence = Math.Min(intent.Confidence, Confidence) }
            : intent;
    }
}
