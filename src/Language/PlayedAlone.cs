using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// Music named and nothing else: 音乐 or 来首歌曲 alone (lexicon <c>playAlone</c>) plays music, and a genre or version
/// alone (摇滚, 轻音乐, dj: <c>musicStyles</c>, <c>musicVersions</c>, a style's trailing word allowed: 摇滚乐) plays that.
/// Only the whole utterance counts, fillers at its edges aside: 这首歌真好听 says something about a song and plays nothing.
/// </summary>
public sealed class PlayedAlone
{
    private readonly IReadOnlyList<string> _generic;
    private readonly MusicStyleWords _styles;
    private readonly IReadOnlyList<string> _leads;
    private readonly IReadOnlyList<string> _trails;

    public PlayedAlone(Lexicon lexicon, MusicStyleWords styles)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _generic = lexicon.SlotWords("playAlone");
        _styles = styles;
        _leads = lexicon.SlotWords("leadFillers");
        _trails = lexicon.SlotWords("trailFillers");
    }

    /// <summary>The utterance without the politeness and particles at its edges (请放吧 → 放).</summary>
    public string Core(string normalized) => SpeakerSpan.Core(normalized, _leads, _trails);

    /// <summary>The request to play, or null when the utterance is more than music named.</summary>
    public Intent? Find(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var text = Core(normalized);
        if (_generic.Contains(text))
        {
            return new Intent(IntentNames.MediaPlay, []);
        }

        var style = _styles.Trails.FirstOrDefault(t => text.Length > t.Length && text.EndsWith(t, StringComparison.Ordinal)) is { } trail
            && IsStyle(text[..^trail.Length]) ? text[..^trail.Length] : text;
        return IsStyle(style) ? new Intent(IntentNames.MediaPlay, [new(SlotNames.Query, SlotValue.Of(style))]) : null;
    }

    private bool IsStyle(string text) => _styles.Genres.Contains(text) || _styles.Versions.Contains(text);
}
