namespace Car.Language;

/// <summary>
/// 不去机场了, 先不回家了: going somewhere negated and closed with 了 says the trip is off, so the route stops (as
/// 不去了 and 别去了 do). The negation opens the request (先不去, 我不去) right before the going word. 我不去机场 (no 了) only
/// tells a plan: nothing.
/// </summary>
public static class NoLongerGoing
{
    private const string GoConcept = "act:go";

    private const char NoLonger = '了';

    /// <summary>Whether negated <paramref name="frame"/> of <paramref name="text"/> calls the trip off.</summary>
    public static bool Applies(Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        return frame.IsNegated
            && frame.Tags.Any(go => go.Has(GoConcept) && go.Surface != Arrive
                && (go.Has(NegationConcept)
                    || frame.Tags.Any(no => no.Has(NegationConcept) && no.End == go.Start && no.Start - frame.SpanStart <= MostBeforeNegation)))
            && frame.Text(text).TrimEnd(SpeakerSpan.EdgePunctuation).TrimEnd(TrailingParticles).EndsWith(NoLonger);
    }

    /// <summary>
    /// 加油站不去了, 去公司，不去了: a route or a search (<paramref name="place"/>, read from <paramref name="placeFrame"/>)
    /// followed at once, with nothing but a pause between, by <paramref name="cancel"/> (不去了) names where the driver
    /// is no longer going: it is taken back, and only the cancel stands.
    /// </summary>
    public static bool TakesBack(Intent place, Frame placeFrame, Intent cancel, Frame cancelFrame, string text)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(placeFrame);
        ArgumentNullException.ThrowIfNull(cancel);
        ArgumentNullException.ThrowIfNull(cancelFrame);
        ArgumentNullException.ThrowIfNull(text);
        if (cancel.Name != IntentNames.NavCancel || place.Name is not (IntentNames.PoiSearch or IntentNames.NavGo) || cancelFrame.Tags.Count == 0)
        {
            return false;
        }

        var cancelStart = Math.Min(cancelFrame.Tags.Min(t => t.Start), text.Length);
        return text[Math.Min(placeFrame.SpanEnd, cancelStart)..cancelStart].Trim(SpeakerSpan.EdgePunctuation).Length == 0;
    }

    private const string NegationConcept = "neg";

    /// <summary>The negation opens what is said: a subject or an adverb (我, 先, 就) at most before it.</summary>
    private const int MostBeforeNegation = 2;

    /// <summary>不要到路边去了 says where not to drive, not that the trip is off.</summary>
    private const string Arrive = "到";

    private static readonly char[] TrailingParticles = ['吧', '啊', '呀', '哈'];
}
