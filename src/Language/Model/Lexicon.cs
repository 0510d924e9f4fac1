using System.Text.Json;
using System.Text.RegularExpressions;

namespace Car.Language.Model;

/// <summary>
/// The words of the language layer (models/nlu/lexicon.json): spelling repairs, wake phrases, clause boundaries,
/// concepts (a word stands for one or more concepts such as <c>dev:window</c> or <c>act:open</c>), templates for
/// the speaker's own words (contact, destination, query, theme) and word lists used to trim those.
/// </summary>
public sealed class Lexicon
{
    public const string BoundaryConcept = "boundary";
    public const string FillerConcept = "filler";
    private const string WordSplitsName = "wordSplits";
    private const char WordSplitMark = '|';
    private const string PlaceNamesName = "placeNames";

    private readonly Dictionary<string, Lazy<IReadOnlyList<Regex>>> _templates;
    private readonly Dictionary<string, IReadOnlyList<string>> _slotWords;

    private Lexicon(
        string version,
        PhraseTrie<string> replacements,
        IReadOnlyList<string> wakePhrases,
        string? assistantName,
        PhraseTrie<string[]> concepts,
        IReadOnlyList<string> fillers,
        Dictionary<string, Lazy<IReadOnlyList<Regex>>> templates,
        Dictionary<string, IReadOnlyList<string>> slotWords,
        IReadOnlyDictionary<string, string[]> words)
    {
        Words = words;
        Version = version;
        Replacements = replacements;
        WakePhrases = wakePhrases;
        AssistantName = assistantName;
        Concepts = concepts;
        Fillers = fillers;
        _templates = templates;
        _slotWords = slotWords;
    }

    public string Version { get; }

    /// <summary>Traditional characters and known ASR slips, mapped to what the rules expect.</summary>
    public PhraseTrie<string> Replacements { get; }

    /// <summary>Wake phrases, longest first, removed from the start of an utterance (and from its end when they greet).</summary>
    public IReadOnlyList<string> WakePhrases { get; }

    /// <summary>The assistant's name inside the wake phrases (<c>normalize.assistantName</c>, 小车); null when not given.</summary>
    public string? AssistantName { get; }

    /// <summary>
    /// The wake phrases, and each of them again with the assistant's name replaced by each of <paramref name="names"/>
    /// (你好小车 → 你好星仔), longest first: the names a head unit's maker or its driver gives the assistant.
    /// </summary>
    public IReadOnlyList<string> WakePhrasesFor(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var renamed = AssistantName is { Length: > 0 } own
            ? names.Where(n => !string.IsNullOrWhiteSpace(n))
                .SelectMany(n => WakePhrases.Where(w => w.Contains(own, StringComparison.Ordinal))
                    .Select(w => w.Replace(own, n.Trim().ToLowerInvariant(), StringComparison.Ordinal)))
            : [];
        return [.. WakePhrases.Concat(renamed).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length)];
    }

    /// <summary>Every word with the concepts it stands for (boundaries and fillers included).</summary>
    public PhraseTrie<string[]> Concepts { get; }

    /// <summary>Every word of the lexicon with its concepts, for the segmenter's and the sound-alike matcher's vocabulary.</summary>
    public IReadOnlyDictionary<string, string[]> Words { get; }

    /// <summary>Politeness and hesitation words, longest first, trimmed from the speaker's own words.</summary>
    public IReadOnlyList<string> Fillers { get; }

    /// <summary>The templates of <paramref name="name"/>, compiled on first use (a hundred regexes are a tenth of a second of every start).</summary>
    public IReadOnlyList<Regex> Templates(string name) =>
        _templates.TryGetValue(name, out var list) ? list.Value : [];

    public IReadOnlyList<string> SlotWords(string name) =>
        _slotWords.TryGetValue(name, out var list) ? list : [];

    /// <summary>
    /// Places jieba's dictionary tags as something else or lacks (<c>placeNames</c>: 开封 a verb, 大同 an adverb, 桂林 a
    /// person): they are added as places, so that 开封火车站 said alone is a destination.
    /// </summary>
    public IEnumerable<string> PlaceNames() => SlotWords(PlaceNamesName);

    /// <summary>Whether <paramref name="word"/> ends in a place word (<c>placeSuffixes</c>, <c>placeSuffixesWeak</c>: 路, 村, 酒店, 湾).</summary>
    public bool EndsInPlaceWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return SlotWords("placeSuffixes").Any(s => word.EndsWith(s, StringComparison.Ordinal))
            || SlotWords("placeSuffixesWeak").Any(s => word.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>
    /// Words of jieba's dictionary the car cuts into parts (<c>wordSplits</c>, "去|石"): a rare word that swallows a
    /// command word (去石拐区 would be 去石|拐|区, and 去 would not stand at a word boundary).
    /// </summary>
    public IEnumerable<string[]> WordSplits() => SlotWords(WordSplitsName).Select(split => split.Split(WordSplitMark));

    internal static Lexicon Parse(JsonElement root, string source)
    {
        var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? "unknown" : "unknown";

        var replacements = new PhraseTrie<string>();
        foreach (var pair in root.GetProperty("replace").EnumerateObject())
        {
            replacements.TryAdd(pair.Name, pair.Value.GetString() ?? string.Empty);
        }

        var normalize = root.GetProperty("normalize");
        var wake = Strings(normalize.GetProperty("wake"))
            .OrderByDescending(w => w.Length).ToList();
        var assistantName = normalize.TryGetProperty("assistantName", out var named) ? named.GetString() : null;

        var conceptsByWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void AddWord(string word, IEnumerable<string> concepts)
        {
            if (!conceptsByWord.TryGetValue(word, out var list))
            {
                conceptsByWord[word] = list = [];
            }

            list.AddRange(concepts.Where(c => !list.Contains(c)));
        }

        foreach (var boundary in Strings(root.GetProperty("boundaries")))
        {
            AddWord(boundary, [BoundaryConcept]);
        }

        var fillers = new List<string>();
        foreach (var group in root.GetProperty("concepts").EnumerateObject())
        {
            var concepts = group.Name.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var word in Strings(group.Value))
            {
                if (word.Length == 0)
                {
                    throw new NluModelException(source, $"the concept '{group.Name}' has an empty word");
                }

                AddWord(word, concepts);
                if (group.Name == FillerConcept)
                {
                    fillers.Add(word);
                }
            }
        }

        var trie = new PhraseTrie<string[]>();
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (word, concepts) in conceptsByWord)
        {
            words[word] = [.. concepts];
            trie.TryAdd(word, words[word]);
        }

        var templates = new Dictionary<string, Lazy<IReadOnlyList<Regex>>>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("templates").EnumerateObject())
        {
            // The template with more fixed words is tried first: 听听{}的歌 before 听{}的歌; anchored ones (^{}的歌$)
            // are the last resort, after every template with a carrier word.
            var patterns = Strings(group.Value)
                .Select((t, order) => (Template: t, Order: order))
                .OrderBy(t => t.Template.StartsWith('^') || t.Template.EndsWith('$'))
                .ThenByDescending(t => t.Template.Length)
                .ThenBy(t => t.Order)
                .Select(t => TemplatePattern(t.Template, source))
                .ToArray();
            if (!templates.TryAdd(group.Name, new Lazy<IReadOnlyList<Regex>>(
                () => [.. patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))])))
            {
                throw new NluModelException(source, $"the templates '{group.Name}' are given twice; keep one list under that name");
            }
        }

        var slotWords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("slotWords").EnumerateObject())
        {
            if (!slotWords.TryAdd(group.Name, [.. Strings(group.Value).OrderByDescending(w => w.Length)]))
            {
                // JSON lets a name repeat, and the second list would silently take the first one's place.
                throw new NluModelException(source, $"the word list '{group.Name}' is given twice; keep one list under that name");
            }
        }

        foreach (var split in slotWords.GetValueOrDefault(WordSplitsName, []))
        {
            var parts = split.Split(WordSplitMark);
            if (parts.Length < 2 || parts.Any(string.IsNullOrWhiteSpace))
            {
                throw new NluModelException(source, $"the word split '{split}' must name two or more parts between '{WordSplitMark}' (去|石)");
            }
        }

        return new Lexicon(
            version, replacements, wake, assistantName, trie, [.. fillers.OrderByDescending(f => f.Length)], templates, slotWords, words);
    }

    /// <summary>
    /// "给{}打电话" becomes a pattern capturing what stands between 给 and 打电话. A leading ^ or trailing $ anchors
    /// the template at the start or end of the request (^{}的歌$ is the whole request, not 把…的歌 inside one).
    /// The pattern is checked here and compiled on first use, non-backtracking: linear in the input and no match
    /// timeout, so a long utterance on a loaded CPU cannot throw.
    /// </summary>
    private static string TemplatePattern(string template, string source)
    {
        var start = template.StartsWith('^') ? "^" : string.Empty;
        var end = template.EndsWith('$') ? "$" : string.Empty;
        template = template[start.Length..^end.Length];
        var hole = template.IndexOf("{}", StringComparison.Ordinal);
        if (hole < 0 || template.IndexOf("{}", hole + 2, StringComparison.Ordinal) >= 0)
        {
            throw new NluModelException(source, $"the template '{template}' must have exactly one '{{}}'");
        }

        var before = Regex.Escape(template[..hole]);
        var after = Regex.Escape(template[(hole + 2)..]);
        var capture = after.Length == 0 ? "(.+)" : "(.+?)";
        return start + before + capture + after + end;
    }

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? string.Empty);
}
