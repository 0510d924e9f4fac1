using System.ComponentModel.DataAnnotations;

namespace Car.Language;

/// <summary>Where the language data lives and how much of an utterance is read. Section <c>Language</c>.</summary>
public sealed class LanguageOptions
{
    public const string SectionName = "Language";

    /// <summary>The directory with schema.json, lexicon.json and rules.json (the bundled models/nlu by default).</summary>
    [Required]
    public string ModelDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "models", "nlu");

    /// <summary>Longer utterances are rejected with a clear error rather than read (speech never gets this long).</summary>
    [Range(1, 10_000)]
    public int MaxUtteranceLength { get; set; } = 200;

    /// <summary>
    /// Gazetteer files (one <c>kind&lt;TAB&gt;name</c> a line: contact, artist, title, album, place): the owner's names,
    /// taken whole in an utterance and trusted. None by default.
    /// </summary>
    public IList<string> Gazetteers { get; } = [];

    /// <summary>
    /// Other names the assistant answers to (a head unit's own brand name), besides the lexicon's (小车): said in a
    /// wake phrase (你好某某, 某某你好) at the start of an utterance, or greeting at its end, they are not part of the
    /// request. None by default.
    /// </summary>
    public IList<string> AssistantNames { get; } = [];

    /// <summary>Cut utterances into words with jieba's dictionary so that command words count only as whole words.</summary>
    public bool WordSegmentation { get; set; } = true;

    /// <summary>Repair misheard domain words by their pinyin (打开车穿 → 打开车窗) and ask before acting on them.</summary>
    public bool SoundAlikeRepair { get; set; } = true;

    /// <summary>
    /// Where compiled copies of jieba's dictionary and the pinyin table are kept, written on the first start and read
    /// on later ones instead of parsing the text (see <see cref="Compiled.LanguageDataCache"/>):
    /// <c>$XDG_CACHE_HOME/car</c>, else <c>~/.cache/car</c>. Empty: none are kept.
    /// </summary>
    public string? CacheDirectory { get; set; } = Compiled.LanguageDataCache.DefaultDirectory;
}
