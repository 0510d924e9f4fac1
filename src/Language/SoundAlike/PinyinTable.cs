using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using Car.Language.Compiled;

namespace Car.Language.SoundAlike;

/// <summary>
/// Chinese words and characters with their pinyin, from @pinyin-pro/data's modern.json (a JSON object: word →
/// [pinyin with tone marks, one syllable per character separated by spaces, frequency]). The file holds one reading
/// per entry, so a character's single-character entry gives only its commonest reading; the other readings are
/// gathered from the words that contain it (重 is zhong alone and in 严重, chong in 重新).
/// </summary>
public sealed class PinyinTable
{
    // Entries in ordinal order: characters end to end with start offsets, and per entry where its syllable ids start in
    // _wordSyllables (-1 when its syllables do not line up with its characters) and its frequency. Readings: characters
    // in ascending order, each with its syllable ids (commonest first). Plain arrays, so that PinyinTableForm writes
    // and reads them as they are.
    private readonly char[] _wordCharacters;
    private readonly int[] _wordStarts;
    private readonly int[] _wordOffsets;
    private readonly float[] _wordFrequencies;
    private readonly ushort[] _wordSyllables;
    private readonly string[] _syllables;
    private readonly char[] _readingCharacters;
    private readonly int[] _readingStarts;
    private readonly ushort[] _readingSyllables;
    private readonly string[][] _readings;

    internal PinyinTable(PinyinTableArrays arrays)
    {
        (_wordCharacters, _wordStarts, _wordOffsets, _wordFrequencies, _wordSyllables, _syllables, _readingCharacters, _readingStarts, _readingSyllables) = arrays;
        _readings = new string[_readingCharacters.Length][];
        for (var i = 0; i < _readings.Length; i++)
        {
            var ids = _readingSyllables.AsSpan(_readingStarts[i], _readingStarts[i + 1] - _readingStarts[i]);
            var readings = new string[ids.Length];
            for (var r = 0; r < ids.Length; r++)
            {
                readings[r] = _syllables[ids[r]];
            }

            _readings[i] = readings;
        }
    }

    /// <summary>native/language/pinyin/modern.json beside the program, where the build copies the fetched table.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "native", "language", "pinyin", "modern.json");

    /// <summary>Entries in the table (words and single characters).</summary>
    public int WordCount => _wordFrequencies.Length;

    /// <summary>Characters with at least one reading.</summary>
    public int CharacterCount => _readingCharacters.Length;

    /// <summary>
    /// The toneless readings of a character (ü written as v), the single-character entry's reading first and then
    /// the others by how many words read it so; empty for a character the table does not know (ASCII included).
    /// </summary>
    public IReadOnlyList<string> Readings(char c) => Array.BinarySearch(_readingCharacters, c) is var index and >= 0 ? _readings[index] : [];

    /// <summary>
    /// Whether <paramref name="word"/> is an entry of the table: a real word (or character) of modern Chinese.
    /// A sound-alike span that is itself a known word (实情 heard for 事情) is more likely meant than misheard.
    /// </summary>
    public bool IsKnownWord(string word) => IsKnownWord(word.AsSpan());

    /// <inheritdoc cref="IsKnownWord(string)"/>
    public bool IsKnownWord(ReadOnlySpan<char> word) => Find(word) >= 0;

    /// <summary>
    /// How often the table says <paramref name="word"/> occurs in modern text (a share of all words: 事情 1.5e-8,
    /// 空调 6.1e-10, 车床 5.8e-11); 0 for a word it does not know.
    /// </summary>
    public double Frequency(ReadOnlySpan<char> word) => Find(word) is var index and >= 0 ? _wordFrequencies[index] : 0;

    /// <summary>Every character with at least one reading.</summary>
    public IEnumerable<char> Characters => _readingCharacters;

    /// <summary>The toneless syllables of a word as the table reads it in context (调 is tiao in 空调, diao in 调查).</summary>
    public bool TryGetWordReading(string word, [NotNullWhen(true)] out string[]? syllables)
    {
        ArgumentNullException.ThrowIfNull(word);
        var index = Find(word);
        var offset = index >= 0 ? _wordOffsets[index] : -1;
        if (offset < 0)
        {
            syllables = null;
            return false;
        }

        syllables = new string[word.Length];
        for (var i = 0; i < syllables.Length; i++)
        {
            syllables[i] = _syllables[_wordSyllables[offset + i]];
        }

        return true;
    }

    /// <summary>Loads the default table, or says why it cannot: sound-alike repair is then off.</summary>
    public static bool TryLoadDefault([NotNullWhen(true)] out PinyinTable? table, [NotNullWhen(false)] out string? whyNot) =>
        TryLoadDefault(LanguageDataCache.None, out table, out whyNot);

    /// <summary>Loads the default table, from its compiled copy in <paramref name="cache"/> where that is sound; or says why it cannot.</summary>
    public static bool TryLoadDefault(LanguageDataCache cache, [NotNullWhen(true)] out PinyinTable? table, [NotNullWhen(false)] out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(cache);
        try
        {
            table = Load(DefaultPath, cache);
            whyNot = null;
            return true;
        }
        catch (PinyinDataException e)
        {
            table = null;
            whyNot = e.Message;
            return false;
        }
    }

    /// <summary>Loads the table from its compiled copy in <paramref name="cache"/> where that is sound and current, else parses <paramref name="path"/> and writes the copy.</summary>
    /// <exception cref="PinyinDataException">The file is missing, unreadable, malformed or truncated.</exception>
    public static PinyinTable Load(string path, LanguageDataCache cache)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(cache);
        return cache.Load(path, PinyinTableForm.Instance, Load);
    }

    /// <exception cref="PinyinDataException">The file is missing, unreadable, malformed or truncated.</exception>
    public static PinyinTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PinyinDataException(path, e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "it cannot be read", e);
        }

        try
        {
            return Parse(bytes, path);
        }
        catch (JsonException e)
        {
            throw new PinyinDataException(path, $"it is not complete JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})", e);
        }
    }

    private static PinyinTable Parse(byte[] json, string path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new PinyinDataException(path, "it is not a JSON object of word → [pinyin, frequency]");
        }

        var builder = new Builder();
        var pinyinBuffer = new char[1024];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var word = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                throw new PinyinDataException(path, $"the entry '{word}' is not [pinyin, frequency]");
            }

            var pinyin = reader.HasValueSequence || reader.ValueSpan.Length > pinyinBuffer.Length
                ? reader.GetString().AsSpan()
                : pinyinBuffer.AsSpan(0, reader.CopyString(pinyinBuffer));
            var frequency = 0.0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    throw new PinyinDataException(path, $"the entry '{word}' is not [pinyin, frequency]");
                }

                if (reader.TokenType == JsonTokenType.Number && frequency == 0)
                {
                    frequency = reader.GetDouble();
                }
            }

            builder.Add(word, pinyin, frequency);
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
        {
            throw new PinyinDataException(path, "it ends before the table does");
        }

        if (builder.Count == 0)
        {
            throw new PinyinDataException(path, "it holds no words");
        }

        return builder.Build();
    }

    /// <summary>The arrays as loaded, for <see cref="PinyinTableForm"/> to write.</summary>
    internal PinyinTableArrays Arrays =>
        new(_wordCharacters, _wordStarts, _wordOffsets, _wordFrequencies, _wordSyllables, _syllables, _readingCharacters, _readingStarts, _readingSyllables);

    /// <summary>The index of the entry <paramref name="word"/>, or -1.</summary>
    private int Find(ReadOnlySpan<char> word) =>
        Segmentation.WordPool.Find(_wordCharacters, _wordStarts, 0, _wordFrequencies.Length - 1, word);

    /// <summary>Where a word's syllable ids start in the pool (-1 when they do not line up with its characters), and its frequency.</summary>
    private readonly record struct WordEntry(int Offset, float Frequency);

    /// <summary>Collects entries: syllables interned once, per-character reading counts, word readings as syllable ids.</summary>
    private sealed class Builder
    {
        private const int SingleCharacterWeight = 1 << 20;

        private readonly Dictionary<string, ushort> _syllableIds = new(StringComparer.Ordinal);
        private readonly List<string> _syllables = [];
        private readonly Dictionary<(char Character, ushort Syllable), int> _counts = new(16_384);
        private readonly Dictionary<string, WordEntry> _words = new(65_536, StringComparer.Ordinal);
        private readonly List<ushort> _wordSyllables = [];
        private readonly List<ushort> _scratch = [];

        public int Count => _words.Count;

        public void Add(string word, ReadOnlySpan<char> pinyin, double frequency)
        {
            _scratch.Clear();
            Span<char> buffer = stackalloc char[16];
            foreach (var range in pinyin.Split(' '))
            {
                var raw = pinyin[range];
                if (raw.IsEmpty)
                {
                    continue;
                }

                var length = ToneLess(raw, buffer);
                if (length == 0)
                {
                    return;
                }

                _scratch.Add(Intern(buffer[..length]));
            }

            // A word whose syllables do not line up with its characters (none in 1.3.1) still counts as a known word.
            var aligned = _scratch.Count == word.Length;
            var offset = aligned ? _wordSyllables.Count : -1;
            if (!_words.TryAdd(word, new WordEntry(offset, (float)frequency)) || !aligned)
            {
                return;
            }

            _wordSyllables.AddRange(_scratch);
            for (var i = 0; i < word.Length; i++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_counts, (word[i], _scratch[i]), out _) += word.Length == 1 ? SingleCharacterWeight : 1;
            }
        }

        public PinyinTable Build()
        {
            var words = _words.Keys.ToArray();
            Array.Sort(words, StringComparer.Ordinal);
            var wordStarts = new int[words.Length + 1];
            var wordOffsets = new int[words.Length];
            var wordFrequencies = new float[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                var entry = _words[words[i]];
                wordStarts[i + 1] = wordStarts[i] + words[i].Length;
                wordOffsets[i] = entry.Offset;
                wordFrequencies[i] = entry.Frequency;
            }

            var readings = _counts
                .GroupBy(pair => pair.Key.Character)
                .OrderBy(group => group.Key)
                .Select(group => (Character: group.Key, Syllables: group.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Syllable).Select(c => c.Key.Syllable).ToArray()))
                .ToArray();
            var readingStarts = new int[readings.Length + 1];
            for (var i = 0; i < readings.Length; i++)
            {
                readingStarts[i + 1] = readingStarts[i] + readings[i].Syllables.Length;
            }

            return new PinyinTable(new PinyinTableArrays(
                string.Concat(words).ToCharArray(),
                wordStarts,
                wordOffsets,
                wordFrequencies,
                [.. _wordSyllables],
                [.. _syllables],
                [.. readings.Select(r => r.Character)],
                readingStarts,
                [.. readings.SelectMany(r => r.Syllables)]));
        }

        private ushort Intern(ReadOnlySpan<char> syllable)
        {
            var lookup = _syllableIds.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(syllable, out var id))
            {
                var text = syllable.ToString();
                id = checked((ushort)_syllables.Count);
                _syllables.Add(text);
                _syllableIds[text] = id;
            }

            return id;
        }

        /// <summary>Writes the syllable in lower case without tone marks, ü as v; 0 when it is not pinyin.</summary>
        private static int ToneLess(ReadOnlySpan<char> raw, Span<char> buffer)
        {
            if (raw.Length > buffer.Length)
            {
                return 0;
            }

            var length = 0;
            foreach (var c in raw)
            {
                var plain = c switch
                {
                    >= 'a' and <= 'z' => c,
                    >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
                    'ā' or 'á' or 'ǎ' or 'à' => 'a',
                    'ē' or 'é' or 'ě' or 'è' or 'ê' => 'e',
                    'ī' or 'í' or 'ǐ' or 'ì' => 'i',
                    'ō' or 'ó' or 'ǒ' or 'ò' => 'o',
                    'ū' or 'ú' or 'ǔ' or 'ù' => 'u',
                    'ü' or 'ǖ' or 'ǘ' or 'ǚ' or 'ǜ' => 'v',
                    'ń' or 'ň' or 'ǹ' => 'n',
                    'ḿ' => 'm',
                    >= '\u0300' and <= '\u036F' => '\0',
                    _ => '\uFFFF',
                };
                if (plain == '\uFFFF')
                {
                    return 0;
                }

                if (c == '\u0308' && length > 0 && buffer[length - 1] == 'u')
                {
                    buffer[length - 1] = 'v';
                }
                else if (plain != '\0')
                {
                    buffer[length++] = plain;
                }
            }

            return length;
        }
    }
}
