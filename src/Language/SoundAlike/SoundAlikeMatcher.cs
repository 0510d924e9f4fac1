namespace Car.Language.SoundAlike;

/// <summary>
/// Finds spans of an utterance that sound like a domain word but are spelled otherwise: the recogniser's homophone
/// slips (车穿 for 车窗, 空挑 for 空调, 倒航 for 导航, 座以加热 for 座椅加热).
/// </summary>
/// <remarks>
/// <para>A span matches a domain word when it has the word's length and, syllable by syllable, some reading of each
/// of its characters has the same <see cref="PinyinConfusions.Fuzzy"/> key as the word's syllable. Tones are ignored.
/// The word's syllables are its context reading from the table (调 is tiao in 空调); a domain word the table lacks is
/// read through the longest table words it starts with, and characters left over through all their readings.</para>
/// <para>Only domain words of two or more Han characters, all known to the table, take part: single characters are
/// too easily misheard into (取 for 去). Only Han characters match, so a span never crosses ASCII, digits or
/// punctuation.</para>
/// <para>Guards against false positives, in order: a span already spelling the word is no slip; a span that is itself
/// a common word of the table (实情 against 事情; see <see cref="SoundAlikeOptions.KeptWordFrequency"/>) is taken as meant; a repair may not change a character inside a domain
/// word already spelled in the text unless the repair is longer than that word (座以加热 → 座椅加热 changes 以, not the
/// spelled 加热; 打开车穿 → 打开车窗 keeps 开车 whole because it does not change 车); nor a numeral (两度 is not
/// 亮度); nor a character that makes a table word with neighbours outside the span (导航取消: 取消 stays). Of overlapping spans the longer
/// wins, then the one changing fewer characters, then the earlier. Context is the caller's business: accept a repair
/// only where the repaired text means something the original did not.</para>
/// <para>Building reads every character of the table once; <see cref="Find"/> is read-only and safe to call from
/// several threads.</para>
/// </remarks>
public sealed class SoundAlikeMatcher
{
    private const int LongestTableWord = 8;
    private const int NeighbourWordLength = 4;
    private const string Numerals = "零〇一二两三四五六七八九十百千万半几";

    private readonly PinyinTable _table;
    private readonly double _keptWordFrequency;
    private readonly Dictionary<char, int[]> _characterKeys = [];
    private readonly Dictionary<int, Entry[]> _byFirstKey;

    public SoundAlikeMatcher(PinyinTable table, IEnumerable<string> words, SoundAlikeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(words);
        _table = table;
        options ??= new SoundAlikeOptions();
        var confusions = options.Confusions;
        Confusions = confusions;
        _keptWordFrequency = options.KeptWordFrequency;

        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<Entry>();
        foreach (var word in words.Where(w => w is { Length: >= 2 }).Distinct(StringComparer.Ordinal))
        {
            if (word.All(c => IsHan(c) && table.Readings(c).Count > 0))
            {
                entries.Add(new Entry(word, Syllables(word).Select(s => s.Select(r => KeyId(keyIds, r)).Distinct().ToArray()).ToArray()));
            }
        }

        Words = entries.Select(e => e.Word).ToArray();
        _byFirstKey = entries
            .SelectMany(e => e.Keys[0].Select(k => (Key: k, Entry: e)))
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Entry).OrderByDescending(e => e.Word.Length).ToArray());

        // Each character keeps only the keys some domain word uses; characters with none are left out. The table has a
        // few hundred syllables for its thousands of characters, so each syllable's key is taken once.
        var syllableKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<int>();
        foreach (var c in table.Characters)
        {
            keys.Clear();
            foreach (var reading in table.Readings(c))
            {
                if (!syllableKeys.TryGetValue(reading, out var id))
                {
                    syllableKeys[reading] = id = keyIds.TryGetValue(PinyinConfusions.Fuzzy(reading, confusions), out var known) ? known : -1;
                }

                if (id >= 0 && !keys.Contains(id))
                {
                    keys.Add(id);
                }
            }

            if (keys.Count > 0)
            {
                _characterKeys[c] = [.. keys];
            }
        }

        int KeyId(Dictionary<string, int> ids, string syllable)
        {
            var key = PinyinConfusions.Fuzzy(syllable, confusions);
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = ids.Count;
            }

            return id;
        }
    }

    /// <summary>The domain words that take part (two or more Han characters, all in the table), without repeats.</summary>
    public IReadOnlyList<string> Words { get; }

    public PinyinConfusion Confusions { get; }

    /// <summary>Non-overlapping sound-alike spans of <paramref name="text"/>, in text order; empty when there are none.</summary>
    public IReadOnlyList<SoundAlikeMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Candidate>? candidates = null;
        Span<int> spelled = text.Length <= 256 ? stackalloc int[text.Length] : new int[text.Length];
        spelled.Clear();

        for (var start = 0; start + 1 < text.Length; start++)
        {
            if (!_characterKeys.TryGetValue(text[start], out var firstKeys))
            {
                continue;
            }

            foreach (var firstKey in firstKeys)
            {
                if (!_byFirstKey.TryGetValue(firstKey, out var bucket))
                {
                    continue;
                }

                foreach (var entry in bucket)
                {
                    var length = entry.Word.Length;
                    if (length > text.Length - start || !SoundsLike(text.AsSpan(start, length), entry))
                    {
                        continue;
                    }

                    var span = text.AsSpan(start, length);
                    if (span.SequenceEqual(entry.Word))
                    {
                        for (var k = start; k < start + length; k++)
                        {
                            spelled[k] = Math.Max(spelled[k], length);
                        }
                    }
                    else if (!IsKeptWord(span))
                    {
                        (candidates ??= []).Add(new Candidate(start, entry.Word, Changed(span, entry.Word)));
                    }
                }
            }
        }

        if (candidates is null)
        {
            return [];
        }

        candidates.Sort(static (a, b) => a.Word.Length != b.Word.Length ? b.Word.Length.CompareTo(a.Word.Length)
            : a.Changed != b.Changed ? a.Changed.CompareTo(b.Changed)
            : a.Start.CompareTo(b.Start));
        Span<bool> taken = text.Length <= 256 ? stackalloc bool[text.Length] : new bool[text.Length];
        taken.Clear();
        var found = new List<SoundAlikeMatch>();
        foreach (var candidate in candidates)
        {
            var length = candidate.Word.Length;
            if (taken.Slice(candidate.Start, length).Contains(true) || BreaksSpelledWord(text, candidate, spelled) || BreaksNeighbour(text, candidate))
            {
                continue;
            }

            taken.Slice(candidate.Start, length).Fill(true);
            found.Add(new SoundAlikeMatch(candidate.Start, length, candidate.Word));
        }

        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary><paramref name="text"/> with every span <see cref="Find"/> reports replaced by its domain word.</summary>
    public string Repair(string text)
    {
        var found = Find(text);
        if (found.Count == 0)
        {
            return text;
        }

        var repaired = text.ToCharArray();
        foreach (var match in found)
        {
            match.Word.CopyTo(repaired.AsSpan(match.Start));
        }

        return new string(repaired);
    }

    private bool SoundsLike(ReadOnlySpan<char> span, Entry entry)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == entry.Word[i])
            {
                continue;
            }

            if (!_characterKeys.TryGetValue(span[i], out var keys) || !keys.AsSpan().ContainsAny(entry.Keys[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool BreaksSpelledWord(string text, Candidate candidate, ReadOnlySpan<int> spelled)
    {
        for (var k = 0; k < candidate.Word.Length; k++)
        {
            if (text[candidate.Start + k] != candidate.Word[k] && spelled[candidate.Start + k] >= candidate.Word.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the candidate changes a numeral (两度 is not 亮度) or a character that forms a word of the table with its
    /// neighbours outside the span (导航取消 is not 导航去消: 取消 is a word).
    /// </summary>
    private bool BreaksNeighbour(string text, Candidate candidate)
    {
        var end = candidate.Start + candidate.Word.Length;
        for (var k = candidate.Start; k < end; k++)
        {
            if (text[k] == candidate.Word[k - candidate.Start])
            {
                continue;
            }

            if (Numerals.Contains(text[k]))
            {
                return true;
            }

            for (var length = 2; length <= NeighbourWordLength; length++)
            {
                for (var first = Math.Max(0, k - length + 1); first <= k && first + length <= text.Length; first++)
                {
                    if ((first < candidate.Start || first + length > end) && _table.IsKnownWord(text.AsSpan(first, length)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool IsKeptWord(ReadOnlySpan<char> span) =>
        _table.IsKnownWord(span) && _table.Frequency(span) >= _keptWordFrequency;

    private static int Changed(ReadOnlySpan<char> span, string word)
    {
        var changed = 0;
        for (var i = 0; i < span.Length; i++)
        {
            changed += span[i] != word[i] ? 1 : 0;
        }

        return changed;
    }

    /// <summary>The readings of each character of a domain word: from the longest table words it starts with, else all.</summary>
    private List<IReadOnlyList<string>> Syllables(string word)
    {
        var syllables = new List<IReadOnlyList<string>>(word.Length);
        var position = 0;
        while (position < word.Length)
        {
            var matched = false;
            for (var length = Math.Min(LongestTableWord, word.Length - position); length >= 2 && !matched; length--)
            {
                if (_table.TryGetWordReading(word.Substring(position, length), out var reading))
                {
                    syllables.AddRange(reading.Select(r => (IReadOnlyList<string>)[r]));
                    position += length;
                    matched = true;
                }
            }

            if (!matched)
            {
                syllables.Add(_table.Readings(word[position]));
                position++;
            }
        }

        return syllables;
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private sealed record Entry(string Word, int[][] Keys);

    private readonly record struct Candidate(int Start, string Word, int Changed);
}
