using Car.Language.Gazetteers;
using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// Music named and nothing else: 音乐 or 来首歌曲 alone (lexicon <c>playAlone</c>) plays music, a genre or version
/// alone (摇滚, 轻音乐, dj: <c>musicStyles</c>, <c>musicVersions</c>, a style's trailing word allowed: 摇滚乐) plays that,
/// and a singer and a title (周杰伦的稻香, <see cref="NamedSlots.SongNamedAlone"/>) play that song when the lexicon
/// found no word of its own in them. Only the whole utterance counts, fillers at its edges aside: 这首歌真好听 says
/// something about a song and plays nothing.
/// </summary>
public sealed class PlayedAlone
{
    private readonly IReadOnlyList<string> _generic;
    private readonly MusicStyleWords _styles;
    private readonly IReadOnlyList<string> _leads;
    private readonly IReadOnlyList<string> _trails;
    private readonly Lexicon _lexicon;
    private readonly IReadOnlyList<string> _questionWords;
    private readonly IReadOnlyList<string> _playLeads;
    private readonly IReadOnlyList<string> _playTrails;

    public PlayedAlone(Lexicon lexicon, MusicStyleWords styles)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _generic = lexicon.SlotWords("playAlone");
        _styles = styles;
        _leads = lexicon.SlotWords("leadFillers");
        _trails = lexicon.SlotWords("trailFillers");
        _lexicon = lexicon;
        _questionWords = lexicon.SlotWords("questionWords");
        _playLeads = lexicon.SlotWords("libraryPlayLeads").OrderByDescending(l => l.Length).ToList();
        _playTrails = lexicon.SlotWords("libraryPlayTrails").OrderByDescending(t => t.Length).ToList();
    }

    /// <summary>The utterance without the fillers at its edges (请, 吧): what a name said alone would be.</summary>
    public string Core(string normalized) => SpeakerSpan.Core(normalized, _leads, _trails);

    /// <summary>The request to play, or null when the utterance is more than music named.</summary>
    /// <param name="normalized">The utterance.</param>
    /// <param name="song">Where a singer and a title are looked for: the segmentation, the owner's names, and whether
    /// the lexicon tagged nothing but fillers; null: not looked for.</param>
    public Intent? Find(string normalized, (SegmentedText Words, Gazetteer Names, bool NothingTagged)? song = null)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var text = Core(normalized);
        if (_generic.Contains(text))
        {
            return new Intent(IntentNames.MediaPlay, []);
        }

        var style = _styles.Trails.FirstOrDefault(t => text.Length > t.Length && text.EndsWith(t, StringComparison.Ordinal)) is { } trail
            && IsStyle(text[..^trail.Length]) ? text[..^trail.Length] : text;
        if (IsStyle(style))
        {
            return new Intent(IntentNames.MediaPlay, [new(SlotNames.Query, SlotValue.Of(style))]);
        }

        return song is ({ } words, { } names, true) ? NamedSlots.SongNamedAlone(text, names, words, _lexicon) : null;
    }

    /// <summary>
    /// A title, artist or album of the owner's media library said alone (追梦赤子心, fillers at the edges aside): play
    /// it. Asked about instead: a name shorter than <see cref="ShortestSureLibraryName"/> (江南, 再见 and 可乐 are titles
    /// and everyday words) unless it is a singer's full name (three characters opening with a surname), one word in
    /// Latin letters (hello), a name holding a question word (lexicon <c>questionWords</c>: a title can be a question the
    /// driver asks). A name the owner also has as a contact or a place is not taken: which one is meant is not said.
    /// A library singer and a library title said one after the other, in either order (某歌手某首歌), play that song.
    /// A word that asks for music before or after the name (lexicon <c>libraryPlayLeads</c>: 来个, 唱, 听;
    /// <c>libraryPlayTrails</c>: 音乐, 的歌) changes none of this.
    /// </summary>
    public Intent? FromLibrary(string normalized, Gazetteer names, IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(tags);
        var text = Core(normalized);
        if (tags.All(t => t.IsFiller) && Named(text, names) is { } alone)
        {
            return alone;
        }

        // 来个某首歌, 唱某歌手, 某歌手音乐: a word asking for music before or after a library name, and no word of the
        // lexicon inside the name.
        var lead = _playLeads.FirstOrDefault(l => text.Length > l.Length && text.StartsWith(l, StringComparison.Ordinal)) ?? string.Empty;
        var trail = _playTrails.FirstOrDefault(t => text.Length - lead.Length > t.Length && text.EndsWith(t, StringComparison.Ordinal)) ?? string.Empty;
        if (lead.Length + trail.Length == 0)
        {
            return null;
        }

        var name = text[lead.Length..^trail.Length];
        var at = normalized.IndexOf(text, StringComparison.Ordinal) + lead.Length;
        return tags.Any(t => !t.IsFiller && t.Start < at + name.Length && t.End > at) ? null : Named(name, names);
    }

    private Intent? Named(string text, Gazetteer names)
    {
        var inLibrary = names.IsInLibrary(text);
        if (!inLibrary && SingerAndTitle(text, names) is { } song)
        {
            return song;
        }

        return inLibrary && text.Length >= Gazetteer.ShortestName
            && !names.Contains(GazetteerKind.Contact, text) && !names.Contains(GazetteerKind.Place, text)
            ? new Intent(IntentNames.MediaPlay, [new(SlotNames.Query, SlotValue.Of(text))])
            {
                Confidence = IsSureLibraryName(text) || IsSingersFullName(text, names) ? 1.0 : SlotExtractors.DoubtfulWords,
            }
            : null;
    }

    /// <summary>Two library names that make up the whole text, a singer and a title of two characters or more each.</summary>
    private static Intent? SingerAndTitle(string text, Gazetteer names)
    {
        var found = names.Find(text);
        if (found.Count < 2 || found[0].Start != 0)
        {
            return null;
        }

        var first = found[0];
        var second = found.FirstOrDefault(f => f.Start == first.Length);
        if (second is null || second.Start + second.Length != text.Length)
        {
            return null;
        }

        var (artist, title) = names.Contains(GazetteerKind.Artist, first.Name) && names.Contains(GazetteerKind.Title, second.Name)
            ? (first.Name, second.Name)
            : names.Contains(GazetteerKind.Title, first.Name) && names.Contains(GazetteerKind.Artist, second.Name)
                ? (second.Name, first.Name)
                : (null, null);
        return artist is null || title is null
            ? null
            : new Intent(IntentNames.MediaPlay, [new(SlotNames.Artist, SlotValue.Of(artist)), new(SlotNames.Title, SlotValue.Of(title))])
            {
                Confidence = 1.0,
            };
    }

    private bool IsSureLibraryName(string name) =>
        name.Length >= ShortestSureLibraryName
        && !name.All(char.IsAsciiLetter)
        && !_questionWords.Any(word => name.Contains(word, StringComparison.Ordinal));

    /// <summary>A singer of the library with a full name: three characters opening with a common surname (陈某某).</summary>
    private bool IsSingersFullName(string name, Gazetteer names) =>
        name.Length == 3 && names.Contains(GazetteerKind.Artist, name) && _lexicon.SlotWords("surnames").Contains(name[..1]);

    /// <summary>The shortest library name played without asking when it is said alone.</summary>
    public const int ShortestSureLibraryName = 4;

    private bool IsStyle(string text) => _styles.Genres.Contains(text) || _styles.Versions.Contains(text);
}
