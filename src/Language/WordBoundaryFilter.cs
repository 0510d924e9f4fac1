using System.Collections.Concurrent;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// Says which of the lexicon's words may be tags given the word boundaries: a command character inside another word is not a command
/// (放 in 解放路 and 放弃, 回 in 回复, 开 in 开元路, 冷 in 冷杉, 高 in 高新区, 不 in 不能说的秘密). A tag that starts or ends
/// inside a word of the segmentation is dropped unless that word is itself made of car words around an action (开窗 is
/// 开 + 窗, 放歌 is 放 + 歌, 再大 is 再 + 大), of a number with its unit (三档) or of place words (川菜馆), which the
/// segmenter may glue together.
/// Politeness, negation and yes-words do not make a word of car words: 好听 (好 + 听) and 不能 (不 + 能) stay words of
/// their own, and so does 热门 (a need and a device, no action).
/// </summary>
public sealed class WordBoundaryFilter
{
    private const int CacheLimit = 4096;

    private readonly Tagger _tagger;
    private readonly IReadOnlyList<string> _measureWords;
    private readonly IReadOnlyList<string> _wantsToHear;
    private readonly IReadOnlyList<string> _speakersBeforePlaying;
    private readonly IReadOnlyList<string> _placeSuffixes;
    private readonly ConcurrentDictionary<string, bool> _carWords = new(StringComparer.Ordinal);

    /// <param name="lexicon">Where the measure words (<c>measureWords</c>), the openers of a wish to hear
    /// (<c>wantsToHear</c>), the words glued before a play word (<c>speakersBeforePlaying</c>) and the endings of
    /// places' names (<c>placeSuffixes</c>) are listed.</param>
    public WordBoundaryFilter(Tagger tagger, Model.Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _tagger = tagger;
        _measureWords = lexicon.SlotWords("measureWords");
        _wantsToHear = lexicon.SlotWords("wantsToHear");
        _speakersBeforePlaying = lexicon.SlotWords("speakersBeforePlaying");
        _placeSuffixes = lexicon.SlotWords("placeSuffixes");
    }

    /// <summary>Whether a word or number from <paramref name="start"/> to <paramref name="end"/> may be a tag.</summary>
    public bool Accepts(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(words);

        // 第二个 picks from a list however the segmenter cuts it (第 and the number after it).
        var picked = concepts.Contains("ordinal")
            || (start > 0 && words.Text[start - 1] == '第' && concepts.Any(c => c.StartsWith("num:", StringComparison.Ordinal)));
        return picked || (Respects(start, words) && Respects(end, words))
            || OpensOrClosesAGuess(start, end, concepts, words) || OpensUnknownWord(start, end, concepts, words)
            || BeforeMeasureWord(start, end, concepts, words) || AfterWantingToHear(start, end, concepts, words)
            || OpensGuessWithNegation(start, end, concepts, words) || ClosesAdverbWithNegation(start, end, concepts, words)
            || ClosesGuessAfterSpeaker(start, end, concepts, words);
    }

    /// <summary>
    /// 先别锁, 千万别开窗, 你别开窗了: a negation that ends an adverb of the dictionary (先别, 千万别) or a word the
    /// segmenter only guessed (你别) is still the negation; jieba's HMM would glue 先 and 别 again if the word were split.
    /// </summary>
    private static bool ClosesAdverbWithNegation(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        if (!concepts.Contains(NegationConcept) || start >= words.Text.Length)
        {
            return false;
        }

        var adverb = words.WordAt(start);
        return adverb.End == end && adverb.Start < start
            && (adverb.Tag.StartsWith(AdverbTag, StringComparison.Ordinal) || adverb.Tag == WordDictionary.UnknownTag);
    }

    private const string AdverbTag = "d";

    /// <summary>
    /// A negation (不, 别) inside a word the segmenter only guessed, right before the car's action that ends it, is
    /// still the negation: the HMM glues 不去 and 先不去 into words of their own, and 不去机场了 must not read as 去机场.
    /// 不写了 negates something else.
    /// </summary>
    private bool OpensGuessWithNegation(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        if (!concepts.Contains(NegationConcept) || start >= words.Text.Length)
        {
            return false;
        }

        var guess = words.WordAt(start);
        if (guess.Tag != WordDictionary.UnknownTag || end >= guess.End)
        {
            return false;
        }

        var rest = words.Text[end..guess.End];
        return _tagger.Tag(rest) is [{ IsAction: true, Start: 0 } action] && action.End == rest.Length;
    }

    private const string NegationConcept = "neg";

    private static bool IsDirection(Tag tag) => tag.Has(AdjustDirection.UpConcept) || tag.Has(AdjustDirection.DownConcept);

    /// <summary>
    /// A going word (去, 到) at the edge of a word the segmenter only guessed (by the HMM, not from the dictionary) is
    /// still the going word: 到枫溪 and 县去 are not words, 到 and 去 are. Command words keep dictionary words whole (去年, 回复).
    /// </summary>
    private static bool OpensOrClosesAGuess(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        if (!concepts.Contains(GoConcept))
        {
            return false;
        }

        var guess = words.WordAt(start);
        return guess.Tag == WordDictionary.UnknownTag && end <= guess.End && end - start < guess.Length
            && (guess.Start == start || guess.End == end);
    }

    /// <summary>
    /// A one-character play word at the start of a word the dictionary does not know: the HMM glues single characters
    /// together, so 播林小明 is 播 + a name it has not seen, not one word (放弃 is in the dictionary). Only for playing:
    /// going words have their own rule (<see cref="OpensOrClosesAGuess"/>). Right after a going word (去放马滩) the
    /// unknown word is where to go.
    /// </summary>
    private bool OpensUnknownWord(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        if (end - start != 1 || !words.IsBoundary(start) || start >= words.Text.Length
            || !concepts.Contains(PlayConcept))
        {
            return false;
        }

        var word = words.WordAt(start);
        return word is { Tag: WordDictionary.UnknownTag } && (word.Length >= MinimumUnknownWord || ShortGuessOpensTitle(word, words))
            && !FollowsGoing(start, words);
    }

    /// <summary>
    /// 放祝|你健康: a guess of two characters opens the title when the title goes on after it, unless all of it is
    /// shaped like a place (放山农庄 is a slip for a farm's name: <c>placeSuffixes</c>).
    /// </summary>
    private bool ShortGuessOpensTitle(Word word, SegmentedText words) =>
        word.Length == 2 && word.End < words.Text.Length
        && !_placeSuffixes.Any(suffix => words.Text.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>
    /// 给我播小苹果, 要播丁当: the HMM glues a one-character play word to the word before it that says who wants it or
    /// who is to do it (我播, 要播: <c>speakersBeforePlaying</c>); it is still the play word.
    /// </summary>
    private bool ClosesGuessAfterSpeaker(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        if (end - start != 1 || start == 0 || start >= words.Text.Length || !concepts.Contains(PlayConcept))
        {
            return false;
        }

        var word = words.WordAt(start);
        return word is { Length: 2, Tag: WordDictionary.UnknownTag } && word.End == end
            && _speakersBeforePlaying.Contains(words.Text.Substring(word.Start, 1));
    }

    private bool FollowsGoing(int start, SegmentedText words)
    {
        if (start == 0)
        {
            return false;
        }

        var before = words.WordAt(start - 1);
        return _tagger.Tag(words.TextOf(before)) is [{ } going] && going.Has(GoConcept) && going.End - going.Start == before.Length;
    }

    /// <summary>
    /// A one-character action glued by the HMM to the measure word after it (放个音乐, 来首伤心太平洋, 开个窗, 关个空调:
    /// <c>measureWords</c>) is still the action: the pair is no word of the dictionary.
    /// </summary>
    private bool BeforeMeasureWord(int start, int end, IReadOnlyList<string> concepts, SegmentedText words)
    {
        if (end - start != 1 || !words.IsBoundary(start) || start >= words.Text.Length
            || !concepts.Any(c => c.StartsWith(ActionPrefix, StringComparison.Ordinal)))
        {
            return false;
        }

        var word = words.WordAt(start);
        return word is { Length: 2, Tag: WordDictionary.UnknownTag } && _measureWords.Contains(words.Text.Substring(end, 1));
    }

    /// <summary>
    /// The 听 of 我要听 or 我想听 (<c>wantsToHear</c>) opens what is wanted, even where the dictionary makes a word of it
    /// with the title's first character (我要听|说散就散: 听说 is a word); 我想放弃 keeps 放弃.
    /// </summary>
    private bool AfterWantingToHear(int start, int end, IReadOnlyList<string> concepts, SegmentedText words) =>
        end - start == 1 && words.IsBoundary(start) && concepts.Contains(PlayConcept)
        && _wantsToHear.Any(w => end >= w.Length && words.Text.AsSpan(end - w.Length, w.Length).SequenceEqual(w));

    private const string GoConcept = "act:go";

    private const string PlayConcept = "act:play";

    private const string ActionPrefix = "act:";

    /// <summary>An unknown word this long holds more than a name's two characters and a stray one.</summary>
    private const int MinimumUnknownWord = 3;

    /// <summary>True when <paramref name="index"/> is a word boundary or cuts only a word made of car words.</summary>
    private bool Respects(int index, SegmentedText words)
    {
        if (words.IsBoundary(index))
        {
            return true;
        }

        var word = words.WordAt(index);
        return IsMadeOfCarWords(words.TextOf(word), IsLongNoun(word));
    }

    /// <summary>A noun of three characters or more that the dictionary knows (大红门; jieba's <c>nr</c> is too loose: 小点声).</summary>
    private static bool IsLongNoun(Word word) => word is { Length: >= 3, Tag: "n" or "ns" or "nt" or "nz" };

    private bool IsMadeOfCarWords(string word, bool noun)
    {
        if (_carWords.TryGetValue(word, out var known))
        {
            return known;
        }

        var parts = _tagger.Tag(word);
        var covered = parts.Sum(t => t.End - t.Start) == word.Length;
        // An action on a device (开窗, 放歌), an action after 再 (再大), a number with its unit (三档) or place words
        // (川菜 + 馆) is car words glued together; 热门 (热 + 门) does nothing and 放大 (放 + 大) acts on nothing, so they stay words of their own.
        var acts = parts.Any(t => t.IsAction) && parts.Any(t => t.IsHead || t.IsBoundary);
        var counts = parts.All(t => t.Number is not null || t.HasGroup("unit"));
        var onePlace = parts.All(t => t.HasGroup("cat"));
        // 太小, 太暗 and 小点 are words of the dictionary; 声音太小了 still complains that the volume is too low, and
        // 声音小点 asks for it lower.
        var complains = parts is [{ } how, { } which] && how.Has(AdjustDirection.ComplaintConcept) && IsDirection(which);
        var adjusts = parts is [{ } way, { } much] && IsDirection(way) && much.HasGroup("amt");
        // A noun the dictionary knows that only spells car words one character at a time (大 + 红 + 门 in 大红门) is a name.
        var spelled = noun && parts.Count >= 3 && parts.All(t => t.End - t.Start == 1);
        var made = covered && (acts || counts || onePlace || complains || adjusts) && !spelled && parts.All(t => !t.IsFiller && !t.Has("neg") && !t.Has("confirm"));
        if (_carWords.Count < CacheLimit)
        {
            _carWords[word] = made;
        }

        return made;
    }
}
