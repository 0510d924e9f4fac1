using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// The speaker's words for a slot, where they stand in the utterance, and the utterance's words (null without
/// segmentation): trimming takes a word off an edge only where the segmentation has a boundary, so a name ending
/// in a filler character (理想, 下定决心忘记你) stays whole; a one-character lead also comes off a word the HMM made.
/// </summary>
public readonly record struct SpeakerSpan(string Text, int Start, SegmentedText? Words)
{
    public SpeakerSpan Trim(char[] characters)
    {
        var head = Text.Length - Text.TrimStart(characters).Length;
        var rest = Text.Trim(characters);
        return rest.Length == Text.Length ? this : new SpeakerSpan(rest, Start + head, Words);
    }

    /// <summary>Takes the first of <paramref name="prefixes"/> (longest first) off the start, once.</summary>
    public SpeakerSpan TrimStart(IReadOnlyList<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (Text.Length > prefix.Length && Text.StartsWith(prefix, StringComparison.Ordinal)
                && (CanCut(prefix.Length) || (prefix.Length == 1 && OpensUnknownWord())))
            {
                return new SpeakerSpan(Text[prefix.Length..], Start + prefix.Length, Words);
            }
        }

        return this;
    }

    /// <summary>
    /// Takes the first of <paramref name="suffixes"/> (longest first) off the end, once. A suffix also comes off a word
    /// the HMM made when two characters or more of that word stay (六哲唱 + 的歌曲: the HMM glued 唱 to a singer it has
    /// not seen).
    /// </summary>
    public SpeakerSpan TrimEnd(IReadOnlyList<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (Text.Length > suffix.Length && Text.EndsWith(suffix, StringComparison.Ordinal)
                && (CanCut(Text.Length - suffix.Length) || LeavesUnknownName(Text.Length - suffix.Length)))
            {
                return new SpeakerSpan(Text[..^suffix.Length], Start, Words);
            }
        }

        return this;
    }

    /// <summary>
    /// <paramref name="text"/> without punctuation, politeness and particles at its edges (帮我导航一下吧 → 导航), trimmed
    /// again until nothing more comes off, as a slot's words are: what an utterance says once its edges are gone.
    /// </summary>
    public static string Core(string text, IReadOnlyList<string> leads, IReadOnlyList<string> trails)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = new SpeakerSpan(text, 0, null);
        for (var before = string.Empty; span.Text != before;)
        {
            before = span.Text;
            span = span.Trim(EdgePunctuation).TrimStart(leads).TrimEnd(trails);
        }

        return span.Text;
    }

    /// <summary>The punctuation and spaces that come off a span's edges.</summary>
    internal static readonly char[] EdgePunctuation = " ,，。、!！?？".ToCharArray();

    /// <summary>
    /// What follows the last of <paramref name="carriers"/> inside the span: the speaker started over
    /// (我要到东湖我要到西湖 → 西湖, 导航到云谷导航到云谷 → 云谷).
    /// </summary>
    public SpeakerSpan FromLast(IReadOnlyList<string> carriers)
    {
        var from = 0;
        foreach (var carrier in carriers)
        {
            var index = Text.LastIndexOf(carrier, StringComparison.Ordinal);
            if (index >= 0 && index + carrier.Length < Text.Length && index + carrier.Length > from && CanCut(index))
            {
                from = index + carrier.Length;
            }
        }

        return from == 0 ? this : new SpeakerSpan(Text[from..], Start + from, Words);
    }

    /// <summary>Everything before the first of <paramref name="stops"/> that does not open the span (去机场走高速 → 机场).</summary>
    public SpeakerSpan CutAtFirst(IReadOnlyList<string> stops)
    {
        var cut = Text.Length;
        foreach (var stop in stops)
        {
            var index = Text.IndexOf(stop, StringComparison.Ordinal);
            if (index > 0 && index < cut && CanCut(index))
            {
                cut = index;
            }
        }

        return cut == Text.Length ? this : new SpeakerSpan(Text[..cut], Start, Words);
    }

    /// <summary>
    /// True when the span starts a word the dictionary does not know, of three characters or more, or of two with more
    /// of the span after it: the HMM glued a one-character word to a name it has not seen (唱 + a singer, or 唱 + a
    /// singer's surname before the rest of the name), so that character may come off.
    /// </summary>
    private bool OpensUnknownWord() =>
        OpeningWord is { Tag: Segmentation.WordDictionary.UnknownTag } word
        && (word.Length >= 3 || (word.Length == 2 && Text.Length > 2));

    /// <summary>The word of the segmentation the span opens with; null without one, or when the span opens inside a word.</summary>
    public Word? OpeningWord =>
        Words is not null && Start >= 0 && Start < Words.Text.Length && Words.IsBoundary(Start) ? Words.WordAt(Start) : null;

    /// <summary>The words of the segmentation that start inside the span; empty without a segmentation.</summary>
    public IReadOnlyList<Word> WordsInside()
    {
        var (start, end) = (Start, Start + Text.Length);
        return Words is null || start < 0 || end > Words.Text.Length ? [] : [.. Words.Where(w => w.Start >= start && w.Start < end)];
    }

    /// <summary>
    /// True when the cut at <paramref name="offset"/> falls inside a word of the span that the dictionary does not know,
    /// leaving two characters of it or more before the cut.
    /// </summary>
    private bool LeavesUnknownName(int offset) =>
        Words is not null && Start + offset > 0 && Start + offset < Words.Text.Length
        && Words.WordAt(Start + offset) is { Tag: Segmentation.WordDictionary.UnknownTag } word
        && word.Start >= Start && Start + offset - word.Start >= 2;

    /// <summary>
    /// True when the span ends in 的 after a verb (钢铁是怎样炼成的, 不为谁而做的): the 的 that ends a title, not a
    /// filler; 唱的 is left to the slot's trailing words (周杰伦唱的).
    /// </summary>
    public bool EndsInVerbOf()
    {
        if (Words is null || Text.Length < 3 || Text[^1] != '的' || Start < 0 || Start + Text.Length > Words.Text.Length)
        {
            return false;
        }

        var before = Words.WordAt(Start + Text.Length - 2);
        return before.Tag.StartsWith('v') && Words.TextOf(before) is not ("唱" or "演唱");
    }

    private bool CanCut(int offset)
    {
        if (Words is null)
        {
            return true;
        }

        var at = Start + offset;
        return at < 0 || at > Words.Text.Length || Words.IsBoundary(at);
    }
}
