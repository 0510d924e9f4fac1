using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// The lexicon's words for how a piece is played: genres (<c>musicStyles</c>: 摇滚, 古典), versions
/// (<c>musicVersions</c>: dj, 伴奏) and the words that follow a style (<c>musicStyleTrails</c>: 版, 风格, 音乐).
/// </summary>
public sealed record MusicStyleWords(IReadOnlyList<string> Genres, IReadOnlyList<string> Versions, IReadOnlyList<string> Trails)
{
    public static MusicStyleWords From(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return new MusicStyleWords(lexicon.SlotWords("musicStyles"), lexicon.SlotWords("musicVersions"), lexicon.SlotWords("musicStyleTrails"));
    }
}
