namespace Car.Language.Segmentation;

/// <summary>
/// jieba's dictionary as it was loaded, kept compact: every word in one char array in ordinal order, with start
/// offsets, frequencies and tag numbers in parallel arrays (about 9 MB for jieba's 349k words, against ~40 MB for a
/// Dictionary of strings with a prefix set). Words starting at a position are walked like a trie: each further
/// character narrows the range of words sharing the prefix by two binary searches on that character.
/// </summary>
internal sealed class SortedWords
{
    private const int FirstCharacters = char.MaxValue + 1;

    private readonly char[] _characters;
    private readonly int[] _starts;
    private readonly int[] _frequencies;
    private readonly double[] _logFrequencies;
    private readonly byte[] _tags;
    private readonly string[] _tagNames;

    /// <summary>Words beginning with character c are [_firstStarts[c], _firstStarts[c + 1]).</summary>
    private readonly int[] _firstStarts;

    public SortedWords(char[] characters, int[] starts, int[] frequencies, byte[] tags, string[] tagNames)
        : this(characters, starts, frequencies, LogsOf(frequencies), tags, tagNames)
    {
    }

    /// <summary>Words whose log frequencies are already known (read back from a compiled file).</summary>
    public SortedWords(char[] characters, int[] starts, int[] frequencies, double[] logFrequencies, byte[] tags, string[] tagNames)
    {
        _characters = characters;
        _starts = starts;
        _frequencies = frequencies;
        _logFrequencies = logFrequencies;
        _tags = tags;
        _tagNames = tagNames;
        foreach (var frequency in frequencies)
        {
            Total += frequency;
            WordCount += frequency > 0 ? 1 : 0;
        }

        _firstStarts = new int[FirstCharacters + 1];
        var word = 0;
        for (var c = 0; c <= FirstCharacters; c++)
        {
            while (word < frequencies.Length && _characters[_starts[word]] < c)
            {
                word++;
            }

            _firstStarts[c] = word;
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

        int low = _firstStarts[word[0]], high = _firstStarts[word[0] + 1] - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = WordAt(middle).SequenceCompareTo(word);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    public int FrequencyAt(int index) => _frequencies[index];

    public double LogFrequencyAt(int index) => _logFrequencies[index];

    public string TagAt(int index) => _tagNames[_tags[index]];

    /// <summary>Starts a walk over the words beginning with <paramref name="first"/>: the range [low, high).</summary>
    public (int Low, int High) Begin(char first) => (_firstStarts[first], _firstStarts[first + 1]);

    /// <summary>
    /// Narrows [low, high), whose words all share a prefix of <paramref name="depth"/> characters, to those whose next
    /// character is <paramref name="next"/>; the range comes back empty when no word continues that way.
    /// </summary>
    public (int Low, int High) Narrow(int low, int high, int depth, char next)
    {
        // The word that is exactly the prefix, if any, sorts first; the rest all have a character at depth.
        if (low < high && Length(low) == depth)
        {
            low++;
        }

        int a = low, b = high;
        while (a < b)
        {
            var middle = (a + b) >>> 1;
            if (_characters[_starts[middle] + depth] < next)
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
            if (_characters[_starts[middle] + depth] <= next)
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

    public int Length(int index) => _starts[index + 1] - _starts[index];

    /// <summary>The arrays as loaded, for <see cref="SortedWordsForm"/> to write.</summary>
    internal (char[] Characters, int[] Starts, int[] Frequencies, double[] LogFrequencies, byte[] Tags, string[] TagNames) Arrays =>
        (_characters, _starts, _frequencies, _logFrequencies, _tags, _tagNames);

    private static double[] LogsOf(int[] frequencies)
    {
        var logs = new double[frequencies.Length];
        for (var i = 0; i < frequencies.Length; i++)
        {
            logs[i] = frequencies[i] > 0 ? Math.Log(frequencies[i]) : double.NegativeInfinity;
        }

        return logs;
    }

    private ReadOnlySpan<char> WordAt(int index) => _characters.AsSpan(_starts[index], Length(index));
}
