using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// A request that says what to do but not where or whom: 导航, 我要打电话 (the lexicon's whole phrases
/// <c>askDestination</c> and <c>askContact</c>, politeness and particles aside). The dialogue asks and takes the answer.
/// </summary>
internal static class MissingValues
{
    public static MissingValueFollowUp? Detect(string normalized, Lexicon lexicon)
    {
        var core = Core(normalized, lexicon.SlotWords("leadFillers"), lexicon.SlotWords("trailFillers"));
        return lexicon.SlotWords("askDestination").Contains(core) ? new MissingValueFollowUp(IntentNames.NavGo)
            : lexicon.SlotWords("askContact").Contains(core) ? new MissingValueFollowUp(IntentNames.PhoneCall)
            : null;
    }

    /// <summary>The text without punctuation, politeness and particles at its edges (帮我导航一下吧 → 导航), as a slot's words are trimmed.</summary>
    private static string Core(string text, IReadOnlyList<string> leads, IReadOnlyList<string> trails)
    {
        var span = new SpeakerSpan(text, 0, null);
        for (var before = string.Empty; span.Text != before;)
        {
            before = span.Text;
            span = span.Trim(Punctuation).TrimStart(leads).TrimEnd(trails);
        }

        return span.Text;
    }

    private static readonly char[] Punctuation = " ,，。、!！?？".ToCharArray();
}
