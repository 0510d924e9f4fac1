namespace Car.Language.Segmentation;

/// <summary>
/// jieba's dictionary as it was loaded, kept compact: every word in one char array in ordinal order, with start
/// offsets, frequencies and tag numbers in parallel arrays (about 5 MB for jieba's 349k words, against ~40 MB for a
/// Dictionary of strings with a prefix set). The arrays are memory: parsed ones, or the compiled file's where it lies
/// in the page cache (<see cref="SortedWordsForm"/>). Words starting at a position are walked like a trie: each further
/// character narrows the range of words sharing the prefix by two binary searches on that character.
/// </summary>
internal sealed class SortedWords
{
    /// <summary>The length of the first-character index: one entry per char value and one past the last.</summary>
    public const int FirstStartsLength = char.MaxValue + 2;

    private readonly ReadOnlyMemory<char> _characters;
    private readonly ReadOnlyMemory<int> _starts;
    private readonly ReadOnlyMemory<int> _frequencies;
    private readonly ReadOnlyMemory<byte> _tags;
    private readonly string[] _tagNames;

    /// <summary>Words beginning with character c are [_firstStarts[c], _firstStarts[c + 1]).</summary>
    private readonly ReadOnlyMemory<int> _firstStarts;

    public SortedWords(char[] characters, int[] starts, int[] frequencies, byte[] tags, string[] tagNames)
        : this(characters, starts, frequencies, tags, tagNames, FirstStartsOf(characters, starts))
    {
    }

    /// <summary>Words whose first-character index is already known (read back from a compiled file).</summary>
    public SortedWords(
        ReadOnlyMemory<char> characters, ReadOnlyMemory<int> starts, ReadOnlyMemory<int> frequencies, ReadOnlyMemory<byte> tags, string[] tagNames, ReadOnlyMemory<int> firstStarts)
    {
        _characters = characters;
        _starts = starts;
        _frequencies = frequencies;
        _tags = tags;
        _tagNames = tagNames;
        _firstStarts = firstStarts;
        foreach (var frequency in frequencies.Span)
        {
            Total += frequency;
            WordCount += frequency > 0 ? 1 : 0;
        }
    }

    public long Total { get; }

    public int WordCount { get; }

    /// <summary>The index of <paramref name="word"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return -1;
        }

        var firstStarts = _firstStarts.Span;
        return WordPool.Find(_characters.Span, _starts.Span, firstStarts[word[0]], firstStarts[word[0] + 1] - 1, word);
    }

    public int FrequencyAt(int index) => _frequencies.Span[index];

    /// <summary>The natural log of the word's frequency; negative infinity for a word of frequency zero.</summary>
    public double LogFrequencyAt(int index) => FrequencyAt(index) is > 0 and var frequency ? Math.Log(frequency) : double.NegativeInfinity;

    public string TagAt(int index) => _tagNames[_tags.Span[index]];

    /// <summary>Starts a walk over the words beginning with <paramref name="first"/>: the range [low, high).</summary>
    public (int Low, int High) Begin(char first)
    {
        var firstStarts = _firstStarts.Span;
        return (firstStarts[first], firstStarts[first + 1]);
    }

    /// <summary>
    /// Narrows [low, high), whose words all share a prefix of <paramref name="depth"/> characters, to those whose next
    /// character is <paramref name="next"/>; the range comes back empty when no word continues that way.
    /// </summary>
    public (int Low, int High) Narrow(int low, int high, int depth, char next)
    {
        var characters = _characters.Span;
        var starts = _starts.Span;

        // The word that is exactly the prefix, if any, sorts first; the rest all have a character at depth.
        if (low < high && starts[low + 1] - starts[low] == depth)
        {
            low++;
        }

        int a = low, b = high;
        while (a < b)
        {
            var middle = (a + b) >>> 1;
            if (characters[starts[middle] + depth] < next)
            {
                a = middle + 1;
            }
            else
            {
                b = middle;
            }
        }

        var first = a;
        b = high;
        while (a < b)
        {
            var middle = (a + b) >>> 1;
            if (characters[starts[middle] + depth] <= next)
            {
                a = middle + 1;
            }
            else
            {
                b = middle;
            }
        }

        return (first, a);
    }

    public int Length(int index)
    {
        var starts = _starts.Span;
        return starts[index + 1] - starts[index];
    }

    /// <summary>The arrays as loaded, for <see cref="SortedWordsForm"/> to write.</summary>
    internal (ReadOnlyMemory<char> Characters, ReadOnlyMemory<int> Starts, ReadOnlyMemory<int> Frequencies, ReadOnlyMemory<byte> Tags, string[] TagNames, ReadOnlyMemory<int> FirstStarts) Arrays =>
        (_characters, _starts, _frequencies, _tags, _tagNames, _firstStarts);

    /// <summary>For each char value, the first word that does not start with a smaller one.</summary>
    private static int[] FirstStartsOf(char[] characters, int[] starts)
    {
        var firstStarts = new int[FirstStartsLength];
        var count = starts.Length - 1;
        var word = 0;
        for (var c = 0; c < FirstStartsLength; c++)
        {
            while (word < count && characters[starts[word]] < c)
            {
                word++;
            }

            firstStarts[c] = word;
        }

        return firstStarts;
    }
}
