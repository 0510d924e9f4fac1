using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// Recognises an utterance that is nothing but a place's name (东湖路, 人民医院, 城南新村, 开元大酒店): drivers answer
/// "去哪儿？" or just say where they are going, so it is a destination. A name is taken only when it is shaped like
/// one: it ends in a place word of the lexicon (<c>placeSuffixes</c>: 路, 街, 小区, 医院, 站…) or the dictionary knows
/// all of it as place names (jieba's <c>ns</c>); words that make a sentence of it (pronouns, prepositions, particles,
/// adverbs, verbs of its own) or any command word the lexicon knows send it elsewhere. Needs the segmentation.
/// </summary>
public sealed class PlaceNames
{
    private const string AdverbTag = "d";
    private const string PhraseTag = "l";

    /// <summary>
    /// jieba's parts of speech that make talk, not a name: pronouns, prepositions, conjunctions, particles, adverbs,
    /// interjections, modal particles, idioms and set phrases (画蛇添足), verbs (驶入辅路), measure words (那座桥),
    /// time words (现在); a direction word (上, 里) may end a name's part (桂香路西侧) but not open it.
    /// </summary>
    private static readonly string[] TalkTags = ["r", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "e", "y", "o", "i", "l", "v", "vn", "vd", "mq", "t"];

    private readonly Lexicon _lexicon;
    private readonly IReadOnlyList<string> _suffixes;
    private readonly IReadOnlyList<string> _weakSuffixes;
    private readonly IReadOnlyList<string> _notNames;
    private readonly IReadOnlyList<string> _notInside;
    private readonly IReadOnlyList<string> _asks;
    private readonly IReadOnlyList<string> _leads;
    private readonly IReadOnlyList<string> _wayAsks;

    public PlaceNames(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        _suffixes = lexicon.SlotWords("placeSuffixes");
        _weakSuffixes = lexicon.SlotWords("placeSuffixesWeak");
        _notNames = lexicon.SlotWords("destinationReject");
        _notInside = lexicon.SlotWords("destinationRejectInside");
        _asks = lexicon.SlotWords("placeAsks");
        _leads = lexicon.SlotWords("placeLeads");
        _wayAsks = lexicon.SlotWords("wayAsks");
    }

    /// <summary>
    /// Whether a word of a name makes talk of it. jieba tags some place words as verbs or set phrases (超市, 站,
    /// 十字路口), and words inside a name as verbs or adverbs (平湖|火车站, 云杉|高速|口): what makes talk is such a
    /// word opening a longer name (请, 驶入, 很少) or a word that is always talk (我, 的, 吗). A name of one word
    /// (jieba calls some cities verbs) is a place whatever its tag, unless it is an idiom (画蛇添足).
    /// </summary>
    private bool IsTalk(Word word, int index, int count, string last)
    {
        var verbLike = word.Tag.StartsWith('v') || word.Tag is AdverbTag or PhraseTag;
        if (!verbLike)
        {
            return TalkTags.Contains(word.Tag);
        }

        if (count == 1)
        {
            return word.Tag == PhraseTag;
        }

        if (index == count - 1 && word.Tag.StartsWith('v') && !_suffixes.Any(s => last.EndsWith(s, StringComparison.Ordinal)))
        {
            // 很少|出门, 不想|上山: a verb of its own that merely ends in 门 or 山 ends talk, not a name.
            return true;
        }

        return index == 0 || (word.Tag == PhraseTag && !(index == count - 1 && _lexicon.EndsInPlaceWord(last)));
    }

    /// <summary>
    /// 与 or 和 between two roads names their junction (沙河路与长江路交叉口, 长江路和北海路口): the word before it ends
    /// in a place word, and a place word follows later.
    /// </summary>
    private bool JoinsTwoRoads(List<Word> inside, int index, SegmentedText words) =>
        index > 0 && index < inside.Count - 1 && words.TextOf(inside[index]) is "与" or "和"
        && _suffixes.Any(s => words.TextOf(inside[index - 1]).EndsWith(s, StringComparison.Ordinal))
        && inside.Skip(index + 1).Any(w => _suffixes.Any(s => words.TextOf(w).EndsWith(s, StringComparison.Ordinal)));

    /// <summary>
    /// jieba's parts of speech that are talk wherever they stand: pronouns, prepositions, conjunctions, particles,
    /// interjections and modal particles. Verbs, adverbs and time words inside a name are also characters of proper
    /// names (东|都|国际|学校, 富力|现代|广场); opening it they are talk (有|菜市场, 难道|长水机场).
    /// </summary>
    private static readonly string[] AlwaysTalkTags = ["r", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "e", "y", "o"];

    private static bool IsAlwaysTalk(Word word) => AlwaysTalkTags.Contains(word.Tag);

    /// <summary>
    /// A name of two or more characters before a place word of two or more (某某小区, 某某收费站, 某某学校): the place word
    /// says what it is, and the characters before it are the name, whatever jieba tags them.
    /// </summary>
    private bool NamedBeforePlaceWord(string name, string last) =>
        _suffixes.Any(s => s.Length >= 2 && last.EndsWith(s, StringComparison.Ordinal) && name.Length - s.Length >= 2);


    /// <summary>
    /// 上 and 下 before a place say where to go (上临江县, 上|云杉|高速), they are not part of its name like 中 in 中山桥;
    /// 上海 is a place word of its own.
    /// </summary>
    private static readonly string[] GoDirections = ["上", "下"];

    /// <summary>The shortest name worth taking: one character is a word, not a place.</summary>
    public const int ShortestName = 2;

    /// <summary>The shortest name taken without asking: 商城, 江湖 and a lone city (a song's title too) are asked about.</summary>
    public const int ShortestSureName = 3;

    /// <summary>
    /// The place <paramref name="tags"/> leave of <paramref name="text"/> once the fillers at its edges are gone, or
    /// null when it is not only a place's name (or a place and how to get there: 东湖路怎么走). Category words (酒店, 火锅) and
    /// numbers (香樟路18号, 42中学) may stand inside a name; nothing else the lexicon knows may.
    /// </summary>
    /// <param name="sureness">1 for a name of <see cref="ShortestSureName"/> or more characters ending in a place word,
    /// of more ending in a word that also ends common words (山, 海, 门: 江湖, 出门), or of two places (浙江临江);
    /// <see cref="SlotExtractors.DoubtfulWords"/> (ask first) for shorter ones and a lone place (a city's name may be a song's title too).</param>
    public string? Find(string text, IReadOnlyList<Tag> tags, SegmentedText words, WordSegmenter segmenter, out double sureness)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(segmenter);
        sureness = SlotExtractors.DoubtfulWords;

        var start = 0;
        var end = text.Length;
        foreach (var tag in tags)
        {
            if (tag.IsFiller && tag.Start == start)
            {
                start = tag.End;
            }
        }

        for (var i = tags.Count - 1; i >= 0 && tags[i].IsFiller && tags[i].End == end; i--)
        {
            end = tags[i].Start;
        }

        // 打开导航东湖路 opens the map on the way there; 东湖路怎么走 asks the way.
        if (end > start && _leads.FirstOrDefault(l => text.AsSpan(start, end - start).StartsWith(l, StringComparison.Ordinal)) is { } lead)
        {
            start += lead.Length;
        }

        // 东湖路怎么走 asks the way to the place.
        var asksTheWay = false;
        if (end > start && _asks.FirstOrDefault(a => text.AsSpan(start, end - start).EndsWith(a, StringComparison.Ordinal)) is { } ask)
        {
            end -= ask.Length;
            asksTheWay = _wayAsks.Contains(ask);
        }

        if (end - start is < ShortestName or > SlotExtractors.LongestName || !words.IsBoundary(start) || !words.IsBoundary(end))
        {
            return null;
        }

        // 牛郎关收费站, 枫蓝广场: before a place word of two characters a car word of one (关, 蓝) is part of the name.
        var last = words.TextOf(words.WordAt(end - 1));
        var namedBeforePlaceWord = NamedBeforePlaceWord(text[start..end], last);
        if (tags.Any(t => t.Start >= start && t.End <= end && !t.HasGroup("cat") && t.Number is null
            && !(namedBeforePlaceWord && t.Start > start && t.End - t.Start == 1)))
        {
            return null;
        }

        // 川菜馆 and 麦当劳 are what to search for; 松涛宾馆 has a name of its own.
        var named = end - start - tags.Where(t => t.Start >= start && t.End <= end).Sum(t => t.End - t.Start);
        var name = text[start..end];
        if (named < ShortestName)
        {
            return null;
        }

        if (!name.All(char.IsLetterOrDigit) || _notNames.Contains(name) || _notInside.Any(w => name.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var inside = words.Where(w => w.Start >= start && w.End <= end).ToList();
        if ((inside.Count > 1 && inside[0].Tag != WordDictionary.PlaceTag && GoDirections.Contains(name[..1]))
            || inside.Where((w, i) => (namedBeforePlaceWord && i > 0 ? IsAlwaysTalk(w) : IsTalk(w, i, inside.Count, last)) && !JoinsTwoRoads(inside, i, words)).Any())
        {
            return null;
        }

        // 应|是桂|香路: in a first word the segmenter only guessed, a character of talk (请, 应) may be a misheard
        // command glued to the name; 松林|大道 is a name.
        var guessedStart = inside.Count > 1 && inside[0].Tag == WordDictionary.UnknownTag
            && segmenter.Segment(name[..1]) is [{ Tag: var first }] && TalkTags.Contains(first);

        if (_suffixes.Any(s => last.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length))
        {
            // 汽车站 or 服务区 alone names no one place.
            var generic = _suffixes.Contains(name) || _weakSuffixes.Contains(name);
            sureness = name.Length >= ShortestSureName && !generic && !guessedStart ? 1.0 : SlotExtractors.DoubtfulWords;
            return name;
        }

        // 云杉湾度假山 and 浙江临江 (two places) are names; 龙山 or a lone city (a song too) may be something else, and so
        // may a person's name before a word of its own that ends so (a singer and a song: 某歌手|大海; jieba tags many
        // places' words nr, so a name that is one such word, or ends in one, stays a place).
        if (_weakSuffixes.Any(s => last.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length))
        {
            var person = inside.Count > 1 && inside[^1].Tag != WordDictionary.PersonTag && last.Length > 1
                && inside.Take(inside.Count - 1).Any(w => w.Tag == WordDictionary.PersonTag);
            sureness = name.Length > ShortestSureName && !guessedStart && !person ? 1.0 : SlotExtractors.DoubtfulWords;
            return name;
        }

        if (inside.TrueForAll(w => w.Tag == WordDictionary.PlaceTag))
        {
            sureness = inside.Count > 1 ? 1.0 : SlotExtractors.DoubtfulWords;
            return name;
        }

        // 松林金悦怎么走: asking the way makes a place of a name of any shape.
        if (asksTheWay)
        {
            sureness = name.Length >= ShortestSureName && !guessedStart ? 1.0 : SlotExtractors.DoubtfulWords;
            return name;
        }

        return null;
    }
}
