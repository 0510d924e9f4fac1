using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 打电话给我妈说我晚点回家: what follows a word of telling (lexicon <c>messageOpenings</c>: 说, 告诉她) after a word for
/// calling is the message for the one called, up to the next pause; its words (回家) ask the car for nothing.
/// </summary>
public sealed class RelayedMessage(Lexicon lexicon)
{
    private const string CallConcept = "act:call";

    /// <summary>The lexicon's list of words that open a message (说, 告诉她).</summary>
    public const string OpeningsList = "messageOpenings";

    private readonly IReadOnlyList<string> _openings = lexicon.SlotWords(OpeningsList);

    /// <summary>Removes from <paramref name="tags"/> of <paramref name="text"/> those inside a message for the one called.</summary>
    public void Drop(List<Tag> tags, string text)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(text);
        var call = tags.FindIndex(t => t.Has(CallConcept));
        if (call < 0)
        {
            return;
        }

        var start = MessageStart(text, tags[call].End);
        if (start < 0)
        {
            return;
        }

        var pause = tags.FindIndex(t => t.Start >= start && t.IsBoundary && !char.IsLetter(t.Surface[0]));
        var end = pause < 0 ? text.Length : tags[pause].Start;
        tags.RemoveAll(t => t.Start >= start && t.End <= end);
    }

    /// <summary>Where the first word of telling after <paramref name="from"/> ends, or -1.</summary>
    private int MessageStart(string text, int from)
    {
        var (first, end) = (-1, -1);
        foreach (var opening in _openings)
        {
            var at = text.IndexOf(opening, from, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                (first, end) = (at, at + opening.Length);
            }
        }

        return end;
    }
}
