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

    private static string Core(string text, IReadOnlyList<string> leads, IReadOnlyList<string> trails)
    {
        var core = text.Trim(Punctuation);
        for (var trimmed = true; trimmed;)
        {
            var lead = leads.FirstOrDefault(l => core.Length > l.Length && core.StartsWith(l, StringComparison.Ordinal));
            var trail = trails.FirstOrDefault(t => core.Length > t.Length && core.EndsWith(t, StringComparison.Ordinal));
            core = lead is not null ? core[lead.Length..] : trail is not null ? core[..^trail.Length] : core;
            trimmed = lead is not null || trail is not null;
            core = core.Trim(Punctuation);
        }

        return core;
    }

    private static readonly char[] Punctuation = " ,，。、!！?？".ToCharArray();
}
