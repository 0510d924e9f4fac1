using Car.Language.Compiled;

namespace Car.Language.Segmentation;

/// <summary>
/// jieba's dictionary (word, frequency, part of speech) and HMM, plus the words the car adds or splits at run time.
/// Reading is thread-safe; <see cref="AddWord"/> and <see cref="SplitWord"/> may run beside segmentations, each of which
/// sees the dictionary either before or after the change.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "jieba's word dictionary, not a collection type; the name the parser integrates against.")]
public sealed class WordDictionary
{
    public const string DictionaryFileName = "jieba.dict.utf8";
    public const string HmmFileName = "hmm_model.utf8";

    /// <summary>The tag of a word whose part of speech is not known.</summary>
    public const string UnknownTag = "x";

    /// <summary>The tag of a place's name (开封 once the lexicon's place names are added).</summary>
    public const string PlaceTag = "ns";

    /// <summary>The tag of a person's name.</summary>
    public const string PersonTag = "nr";

    private readonly SortedWords _words;
    private readonly Lock _gate = new();
    private UserWords _user;

    private WordDictionary(SortedWords words, HiddenMarkovModel hmm)
    {
        _words = words;
        Hmm = hmm;
        _user = UserWords.Create(words.Total, words.WordCount);
    }

    /// <summary>Where the build copies jieba's files: native/language/jieba beside the program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "native", "language", "jieba");

    /// <summary>Words with a frequency above zero, loaded and added.</summary>
    public int Count => User.WordCount;

    /// <summary>The sum of all word frequencies, which word probabilities are taken against.</summary>
    public long TotalFrequency => User.Total;

    internal HiddenMarkovModel Hmm { get; }

    internal SortedWords Words => _words;

    internal UserWords User => Volatile.Read(ref _user);

    /// <summary>Loads jieba's files, from their compiled copies in <paramref name="cache"/> where it has sound ones (and writing them where not).</summary>
    public static WordDictionary Load(string dictionaryPath, string hmmPath, LanguageDataCache? cache = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dictionaryPath);
        ArgumentException.ThrowIfNullOrEmpty(hmmPath);
        foreach (var path in new[] { dictionaryPath, hmmPath })
        {
            if (!File.Exists(path))
            {
                throw new SegmentationDataException($"jieba's data file is missing: {path} (the build fetches it with native/fetch-language-data.sh)");
            }
        }

        cache ??= LanguageDataCache.None;
        return new WordDictionary(
            cache.Load(dictionaryPath, SortedWordsForm.Instance, DictionaryFile.Read),
            cache.Load(hmmPath, HiddenMarkovModelForm.Instance, HiddenMarkovModel.Load));
    }

    /// <summary>Loads from <see cref="DefaultDirectory"/>; on failure returns null and one line saying why.</summary>
    public static WordDictionary? TryLoadDefault(out string? whyNot) => TryLoadDefault(LanguageDataCache.None, out whyNot);

    /// <inheritdoc cref="TryLoadDefault(out string?)"/>
    public static WordDictionary? TryLoadDefault(LanguageDataCache cache, out string? whyNot)
    {
        try
        {
            var dictionary = Load(Path.Combine(DefaultDirectory, DictionaryFileName), Path.Combine(DefaultDirectory, HmmFileName), cache);
            whyNot = null;
            return dictionary;
        }
        catch (SegmentationDataException e)
        {
            whyNot = "word segmentation is off: " + e.Message;
            return null;
        }
    }

    public bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Frequency(word, User) > 0;
    }

    /// <summary>The part of speech of <paramref name="word"/>, or null when it is not a word.</summary>
    public string? TagOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return TagOf(word, User);
    }

    /// <summary>
    /// Adds <paramref name="word"/> or changes its frequency and tag. With no frequency it gets jieba's suggested one:
    /// just enough that the word as a whole outscores the pieces it would otherwise be cut into. Without a tag, a known
    /// word keeps its own and a new one is tagged "x".
    /// </summary>
    public void AddWord(string word, long? frequency = null, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        if (frequency is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "A frequency is zero or more.");
        }

        lock (_gate)
        {
            var user = _user;
            var wanted = frequency ?? SuggestWhole(word, user);
            Set(word, wanted, tag ?? TagOf(word, user) ?? UnknownTag, user);
        }
    }

    /// <summary>
    /// Adds each word as <see cref="AddWord"/> would, one after another, and makes them visible at once: hundreds of
    /// single <see cref="AddWord"/> calls copy all the words added before each time.
    /// </summary>
    public void AddWords(IEnumerable<(string Word, string? Tag)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        lock (_gate)
        {
            var user = _user.Unshared();
            foreach (var (word, tag) in words)
            {
                ArgumentException.ThrowIfNullOrEmpty(word);
                var frequency = SuggestWhole(word, user);
                var (total, count) = Change(word, frequency, user);
                user.Put(word, frequency, tag ?? TagOf(word, user) ?? UnknownTag, total, count);
            }

            Volatile.Write(ref _user, user);
        }
    }

    /// <summary>
    /// Lowers the frequency of <paramref name="word"/> until <paramref name="parts"/> outscore it (jieba's suggest_freq on
    /// a split), so that e.g. 打开车窗 is cut 打开|车窗. A part of two or more characters that is not yet a word is added first.
    /// </summary>
    public void SplitWord(string word, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length < 2 || string.Concat(parts) != word || parts.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"The parts must be two or more non-empty strings that join to '{word}'.", nameof(parts));
        }

        lock (_gate)
        {
            foreach (var part in parts)
            {
                if (part.Length > 1 && Frequency(part, _user) == 0)
                {
                    Set(part, SuggestWhole(part, _user), UnknownTag, _user);
                }
            }

            var user = _user;
            var product = 1.0;
            foreach (var part in parts)
            {
                product *= Math.Max(Frequency(part, user), 1) / (double)user.Total;
            }

            var lowered = Math.Min((long)(product * user.Total), Frequency(word, user));
            Set(word, lowered, TagOf(word, user) ?? UnknownTag, user);
        }
    }

    internal long Frequency(ReadOnlySpan<char> word, UserWords user)
    {
        if (!user.IsEmpty && user.TryGet(word, out var entry))
        {
            return entry.Frequency;
        }

        var index = _words.Find(word);
        return index >= 0 ? _words.FrequencyAt(index) : 0;
    }

    internal string? TagOf(ReadOnlySpan<char> word, UserWords user)
    {
        if (!user.IsEmpty && user.TryGet(word, out var entry))
        {
            return entry.Frequency > 0 ? entry.Tag : null;
        }

        var index = _words.Find(word);
        return index >= 0 && _words.FrequencyAt(index) > 0 ? _words.TagAt(index) : null;
    }

    /// <summary>
    /// The words that start <paramref name="text"/>: their lengths (ascending) and log frequencies, the user's entries
    /// taking the place of the loaded ones. Returns how many were written (at most the spans' length).
    /// </summary>
    internal int WordsAt(ReadOnlySpan<char> text, UserWords user, Span<int> lengths, Span<double> logFrequencies)
    {
        var count = 0;
        var (low, high) = _words.Begin(text[0]);
        var inLoaded = low < high;
        var inUser = !user.IsEmpty;
        for (var depth = 1; depth <= text.Length && (inLoaded || inUser) && count < lengths.Length; depth++)
        {
            if (depth > 1 && inLoaded)
            {
                (low, high) = _words.Narrow(low, high, depth - 1, text[depth - 1]);
                inLoaded = low < high;
            }

            var prefix = text[..depth];
            inUser = inUser && user.HasPrefix(prefix);
            double logFrequency;
            if (inUser && user.TryGet(prefix, out var entry))
            {
                logFrequency = entry.LogFrequency;
            }
            else if (inLoaded && _words.Length(low) == depth)
            {
                logFrequency = _words.LogFrequencyAt(low);
            }
            else
            {
                continue;
            }

            if (!double.IsNegativeInfinity(logFrequency))
            {
                lengths[count] = depth;
                logFrequencies[count] = logFrequency;
                count++;
            }
        }

        return count;
    }

    /// <summary>jieba's suggest_freq for a whole word: one more than the product of its pieces' probabilities, times the total.</summary>
    private long SuggestWhole(string word, UserWords user)
    {
        var product = 1.0;
        foreach (var piece in WordSegmenter.CutByDictionary(this, word, user))
        {
            product *= Math.Max(Frequency(word.AsSpan(piece.Start, piece.Length), user), 1) / (double)user.Total;
        }

        return Math.Max((long)(product * user.Total) + 1, Math.Max(Frequency(word, user), 1));
    }

    private void Set(string word, long frequency, string tag, UserWords user)
    {
        var (total, count) = Change(word, frequency, user);
        Volatile.Write(ref _user, user.With(word, frequency, tag, total, count));
    }

    /// <summary>The total frequency and word count once <paramref name="word"/> has <paramref name="frequency"/>.</summary>
    private (long Total, int Count) Change(string word, long frequency, UserWords user)
    {
        var old = Frequency(word, user);
        return (user.Total - old + frequency, user.WordCount + (frequency > 0 ? 1 : 0) - (old > 0 ? 1 : 0));
    }
}
