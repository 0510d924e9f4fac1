namespace Car.Language.Segmentation;

/// <summary>
/// An immutable snapshot of the words added or re-weighted after load, over the loaded dictionary, with the total
/// frequency they make. <see cref="WordDictionary"/> swaps in a new snapshot on each change, so a segmentation in
/// flight keeps reading one consistent state.
/// </summary>
internal sealed class UserWords
{
    private readonly Dictionary<string, UserEntry> _words;
    private readonly HashSet<string> _prefixes;
    private readonly Dictionary<string, UserEntry>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;

    private UserWords(Dictionary<string, UserEntry> words, HashSet<string> prefixes, long total, int wordCount)
    {
        _words = words;
        _prefixes = prefixes;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        Total = total;
        LogTotal = Math.Log(total);
        WordCount = wordCount;
    }

    public long Total { get; private set; }

    public double LogTotal { get; private set; }

    public int WordCount { get; private set; }

    public bool IsEmpty => _words.Count == 0;

    public static UserWords Create(long total, int wordCount) =>
        new(new Dictionary<string, UserEntry>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), Math.Max(total, 1), wordCount);

    /// <summary>Whether some user word starts with (or is) <paramref name="prefix"/>.</summary>
    public bool HasPrefix(ReadOnlySpan<char> prefix) => _prefixLookup.Contains(prefix);

    public bool TryGet(ReadOnlySpan<char> word, out UserEntry entry) => _wordLookup.TryGetValue(word, out entry);

    public UserWords With(string word, long frequency, string tag, long total, int wordCount)
    {
        var copy = Unshared();
        copy.Put(word, frequency, tag, total, wordCount);
        return copy;
    }

    /// <summary>A copy that <see cref="Put"/> may change: for a batch of changes that no reader sees until it is published.</summary>
    public UserWords Unshared() =>
        new(new Dictionary<string, UserEntry>(_words, StringComparer.Ordinal), new HashSet<string>(_prefixes, StringComparer.Ordinal), Total, WordCount);

    /// <summary>Changes this snapshot in place: only one from <see cref="Unshared"/> that is not yet published.</summary>
    public void Put(string word, long frequency, string tag, long total, int wordCount)
    {
        _words[word] = new UserEntry(frequency, frequency > 0 ? Math.Log(frequency) : double.NegativeInfinity, tag);
        for (var length = 1; length <= word.Length; length++)
        {
            _prefixes.Add(word[..length]);
        }

        Total = Math.Max(total, 1);
        LogTotal = Math.Log(Total);
        WordCount = wordCount;
    }
}
