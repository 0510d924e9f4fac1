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

    public long Total { get; }

    public double LogTotal { get; }

    public int WordCount { get; }

    public bool IsEmpty => _words.Count == 0;

    public static UserWords Create(long total, int wordCount) =>
        new(new Dictionary<string, UserEntry>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), Math.Max(total, 1), wordCount);

    /// <summary>Whether some user word starts with (or is) <paramref name="prefix"/>.</summary>
    public bool HasPrefix(ReadOnlySpan<char> prefix) => _prefixLookup.Contains(prefix);

    public bool TryGet(ReadOnlySpan<char> word, out UserEntry entry) => _wordLookup.TryGetValue(word, out entry);

    public UserWords With(string word, long frequency, string tag, long total, int wordCount)
    {
        var words = new Dictionary<string, UserEntry>(_words, StringComparer.Ordinal)
        {
            [word] = new UserEntry(frequency, frequency > 0 ? Math.Log(frequency) : double.NegativeInfinity, tag),
        };
        var prefixes = new HashSet<string>(_prefixes, StringComparer.Ordinal);
        for (var length = 1; length <= word.Length; length++)
        {
            prefixes.Add(word[..length]);
        }

        return new UserWords(words, prefixes, Math.Max(total, 1), wordCount);
    }
}
