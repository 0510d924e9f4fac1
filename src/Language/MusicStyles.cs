using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// A style or version said with what to play, split off the query so the player searches the title and picks the
/// version: 晚风吹过dj版 → query 晚风吹过, style dj; dj晚风吹过 likewise; 摇滚音乐 alone → query 摇滚 (the genre is what
/// to play). A genre (lexicon <c>musicStyles</c>) comes off the end only with a trailing word such as 版 or 风格
/// (永远的经典 stays a title); a version (<c>musicVersions</c>: dj, 伴奏, remix) comes off either edge as a word of its own.
/// </summary>
public static class MusicStyles
{
    /// <summary>The fewest characters left for a title once a style is split off.</summary>
    private const int ShortestTitle = 2;

    public static Intent Split(Intent intent, MusicStyleWords styleWords, SegmentedText? words)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(styleWords);
        if (intent.Name != IntentNames.MediaPlay || intent.Text(SlotNames.Query) is not { } query)
        {
            return intent;
        }

        var offset = words?.Text.IndexOf(query, StringComparison.Ordinal) ?? -1;
        var split = TrailingStyle(query, offset, styleWords, words) ?? LeadingVersion(query, offset, styleWords, words);
        if (split is not var (title, style))
        {
            return intent;
        }

        return title.Length == 0
            ? intent.With(SlotNames.Query, SlotValue.Of(style))
            : intent.With(SlotNames.Query, SlotValue.Of(title)).With(SlotNames.Style, SlotValue.Of(style));
    }

    private static (string Title, string Style)? TrailingStyle(string query, int offset, MusicStyleWords styleWords, SegmentedText? words)
    {
        var trail = styleWords.Trails.FirstOrDefault(t => query.Length > t.Length && query.EndsWith(t, StringComparison.Ordinal));
        var rest = trail is null ? query : query[..^trail.Length];
        var candidates = trail is null ? styleWords.Versions : styleWords.Versions.Concat(styleWords.Genres);
        foreach (var style in candidates.OrderByDescending(s => s.Length))
        {
            if (!rest.EndsWith(style, StringComparison.Ordinal))
            {
                continue;
            }

            var titleEnd = rest.Length - style.Length;
            var title = rest[..titleEnd].TrimEnd('的');
            if (title.Length == 0)
            {
                // 摇滚音乐, dj版: the style is all there is to play.
                return trail is null ? null : (string.Empty, style);
            }

            return title.Length >= ShortestTitle && IsBoundary(words, offset, titleEnd) ? (title, style) : null;
        }

        return null;
    }

    private static (string Title, string Style)? LeadingVersion(string query, int offset, MusicStyleWords styleWords, SegmentedText? words)
    {
        foreach (var style in styleWords.Versions.OrderByDescending(s => s.Length))
        {
            if (query.StartsWith(style, StringComparison.Ordinal) && query.Length - style.Length >= ShortestTitle
                && IsBoundary(words, offset, style.Length))
            {
                return (query[style.Length..].TrimStart('的'), style);
            }
        }

        return null;
    }

    /// <summary>Whether the segmentation has a word boundary at <paramref name="at"/> characters into the query.</summary>
    private static bool IsBoundary(SegmentedText? words, int offset, int at) =>
        words is null || offset < 0 || offset + at > words.Text.Length || words.IsBoundary(offset + at);
}
