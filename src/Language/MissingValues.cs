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
        var core = SpeakerSpan.Core(normalized, lexicon.SlotWords("leadFillers"), lexicon.SlotWords("trailFillers"));
        return lexicon.SlotWords("askDestination").Contains(core) ? new MissingValueFollowUp(IntentNames.NavGo)
            : lexicon.SlotWords("askContact").Contains(core) ? new MissingValueFollowUp(IntentNames.PhoneCall)
            : null;
    }
}
