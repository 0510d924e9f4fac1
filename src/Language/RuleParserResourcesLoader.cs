using Car.Language.Compiled;
using Car.Language.Gazetteers;
using Car.Language.Segmentation;
using Car.Language.SoundAlike;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Language;

/// <summary>
/// Loads what the rule parser leans on: jieba's dictionary with the car's own words and the owner's names added (so
/// 副驾 and 座椅加热 stay whole), the gazetteer files, and the sound-alike matcher over the lexicon's words. Missing
/// data turns the part off with one log line; the rules still work without it.
/// </summary>
public sealed partial class RuleParserResourcesLoader
{
    private static readonly string[] VocabularyGroups = ["dev", "act", "need", "pos", "amt", "cat", "mode", "subj", "tgt"];

    private readonly LanguageOptions _options;
    private readonly Model.NluModel _model;
    private readonly ILogger _logger;
    private readonly LanguageDataCache _cache;
    private readonly Gazetteer? _names;

    /// <param name="options">The settings; their gazetteer files are read unless <paramref name="names"/> is given.</param>
    /// <param name="model">The language data whose words the dictionary gets.</param>
    /// <param name="logger">Where a part turned off is said.</param>
    /// <param name="names">The owner's names already read (<see cref="ReadNames"/>), shared with whoever else needs them.</param>
    public RuleParserResourcesLoader(
        IOptions<LanguageOptions> options, Model.NluModel model, ILogger<RuleParserResourcesLoader> logger, Gazetteer? names = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _names = names;
        _options = options.Value;
        _model = model;
        _logger = logger;
        _cache = new LanguageDataCache(_options.CacheDirectory, logger);
    }

    /// <summary>The lexicon's words that name something the car does (not fillers, boundaries or chit-chat).</summary>
    public static IEnumerable<string> CarWords(Model.Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return lexicon.Words
            .Where(w => w.Key.Length >= 2 && w.Value.Any(c => VocabularyGroups.Any(g => c.StartsWith(g + ":", StringComparison.Ordinal))))
            .Select(w => w.Key);
    }

    /// <summary>The gazetteer files of <paramref name="options"/>, read once; empty when none are configured.</summary>
    public static Gazetteer ReadNames(LanguageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Gazetteers.Count == 0
            ? Gazetteer.Empty
            : Gazetteer.LoadAsync(options.Gazetteers, cancellationToken).GetAwaiter().GetResult();
    }

    public RuleParserResources Load(CancellationToken cancellationToken = default)
    {
        var names = _names ?? ReadNames(_options, cancellationToken);
        // The pinyin table loads on another core while jieba's dictionary loads on this one: together they are most
        // of a cold start (car say), and neither needs the other.
        var table = _options.SoundAlikeRepair ? Task.Run(LoadPinyin, cancellationToken) : Task.FromResult<PinyinTable?>(null);
        var words = _options.WordSegmentation ? LoadWords(names) : null;
        var pinyin = table.GetAwaiter().GetResult();
        return new RuleParserResources
        {
            Names = names,
            Words = words,
            SoundAlikes = pinyin is null ? null : new SoundAlikeMatcher(pinyin, CarWords(_model.Lexicon)),
            ContactSoundAlikes = SoundAlikesOf(pinyin, names, GazetteerKind.Contact),
            PlaceSoundAlikes = SoundAlikesOf(pinyin, names, GazetteerKind.Place),
            LibrarySoundAlikes = SoundAlikesOf(pinyin, names, GazetteerKind.Title, GazetteerKind.Artist, GazetteerKind.Album),
            AssistantNames = [.. _options.AssistantNames],
        };
    }

    private static SoundAlikeMatcher? SoundAlikesOf(PinyinTable? pinyin, Gazetteer names, params GazetteerKind[] kinds)
    {
        var spelled = kinds.SelectMany(names.NamesOf).ToList();
        return pinyin is null || spelled.Count == 0 ? null : new SoundAlikeMatcher(pinyin, spelled);
    }

    private WordSegmenter? LoadWords(Gazetteer names)
    {
        var dictionary = WordDictionary.TryLoadDefault(_cache, out var whyNot);
        if (dictionary is null)
        {
            Log.SegmentationOff(_logger, whyNot ?? "no dictionary");
            return null;
        }

        dictionary.AddWords(CarWords(_model.Lexicon).Select(word => (word, (string?)null)));
        dictionary.AddWords(_model.Lexicon.PlaceNames().Select(place => (place, (string?)WordDictionary.PlaceTag)));
        dictionary.AddWords(names.Names().Select(name => (name.Name, (string?)name.Tag)));
        foreach (var parts in _model.Lexicon.WordSplits())
        {
            dictionary.SplitWord(string.Concat(parts), parts);
        }

        return new WordSegmenter(dictionary);
    }

    private PinyinTable? LoadPinyin()
    {
        if (!PinyinTable.TryLoadDefault(_cache, out var table, out var whyNot) || table is null)
        {
            Log.SoundAlikesOff(_logger, whyNot ?? "no pinyin table");
            return null;
        }

        return table;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Word segmentation off: {Reason}; command words match anywhere in a word.")]
        public static partial void SegmentationOff(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Sound-alike repair off: {Reason}; misheard domain words are not repaired.")]
        public static partial void SoundAlikesOff(ILogger logger, string reason);
    }
}
