using System.Buffers;

namespace Car.Language.Segmentation;

/// <summary>
/// jieba's segmentation: over each run of Chinese (and ASCII) text, every dictionary word starting at each position is
/// a step; the route with the highest sum of log(frequency / total) wins (dynamic programming from the right); runs of
/// single characters on it that do not together form a word are re-cut by the HMM, which finds unknown words. ASCII
/// letter and digit runs (13812345678, ABC, 22.5, 50%) stay one token unless a dictionary word covers them exactly.
/// Punctuation, spaces and other characters are tokens of their own, so the words always cover the whole text.
/// Thread-safe; a call allocates its result and little else.
/// </summary>
public sealed class WordSegmenter(WordDictionary dictionary)
{
    private const int MaxWordsAtPosition = 64;

    private const byte Plain = 0;
    private const byte RunStart = 1;
    private const byte InsideRun = 2;

    private readonly WordDictionary _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));

    public SegmentedText Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new SegmentedText(text, []);
        }

        var user = _dictionary.User;
        var output = ArrayPool<Word>.Shared.Rent(text.Length);
        var routes = new RouteBuffers(text.Length);
        try
        {
            var count = 0;
            for (var i = 0; i < text.Length;)
            {
                var end = i;
                if (IsBlockCharacter(text[i]))
                {
                    while (end < text.Length && IsBlockCharacter(text[end]))
                    {
                        end++;
                    }

                    count = CutBlock(text, i, end, user, routes, output, count);
                }
                else
                {
                    end = char.IsWhiteSpace(text[i]) ? SkipWhiteSpace(text, i)
                        : char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? i + 2
                        : i + 1;
                    output[count++] = new Word(i, end - i, WordDictionary.UnknownTag);
                }

                i = end;
            }

            return new SegmentedText(text, output.AsSpan(0, count).ToArray());
        }
        finally
        {
            routes.Return();
            ArrayPool<Word>.Shared.Return(output);
        }
    }

    /// <summary>The dictionary route through <paramref name="word"/> without the HMM, as jieba's suggest_freq cuts it.</summary>
    internal static List<Word> CutByDictionary(WordDictionary dictionary, string word, UserWords user)
    {
        var pieces = new List<Word>();
        var routes = new RouteBuffers(word.Length);
        try
        {
            var block = word.AsSpan();
            FindRoute(dictionary, block, user, routes);
            for (var x = 0; x < block.Length; x = routes.Next[x])
            {
                pieces.Add(new Word(x, routes.Next[x] - x, WordDictionary.UnknownTag));
            }
        }
        finally
        {
            routes.Return();
        }

        return pieces;
    }

    private int CutBlock(string text, int blockStart, int blockEnd, UserWords user, RouteBuffers routes, Word[] output, int count)
    {
        var block = text.AsSpan(blockStart, blockEnd - blockStart);
        FindRoute(_dictionary, block, user, routes);

        var pending = -1;
        for (var x = 0; x < block.Length;)
        {
            var y = routes.Next[x];
            if (routes.Kind[x] == RunStart && y == routes.RunEnd[x])
            {
                count = Flush(block, blockStart, pending, x, user, output, count);
                pending = -1;
                output[count++] = new Word(blockStart + x, y - x, IsNumber(block[x..y]) ? "m" : "eng");
            }
            else if (y - x == 1)
            {
                pending = pending < 0 ? x : pending;
            }
            else
            {
                count = Flush(block, blockStart, pending, x, user, output, count);
                pending = -1;
                output[count++] = new Word(blockStart + x, y - x, _dictionary.TagOf(block[x..y], user) ?? WordDictionary.UnknownTag);
            }

            x = y;
        }

        return Flush(block, blockStart, pending, block.Length, user, output, count);
    }

    /// <summary>
    /// Emits the single characters [start, end) the route left in a row: alone as is, as single characters when together
    /// they are a dictionary word (jieba's rule), and otherwise re-cut by the HMM over each stretch of Chinese.
    /// </summary>
    private int Flush(ReadOnlySpan<char> block, int offset, int start, int end, UserWords user, Word[] output, int count)
    {
        if (start < 0)
        {
            return count;
        }

        if (end - start == 1 || _dictionary.Frequency(block[start..end], user) > 0)
        {
            for (var i = start; i < end; i++)
            {
                output[count++] = new Word(offset + i, 1, _dictionary.TagOf(block.Slice(i, 1), user) ?? WordDictionary.UnknownTag);
            }

            return count;
        }

        Span<int> lengths = stackalloc int[Math.Min(end - start, 256)];
        for (var i = start; i < end;)
        {
            if (!IsHan(block[i]))
            {
                output[count++] = new Word(offset + i, 1, WordDictionary.UnknownTag);
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < end && IsHan(block[runEnd]) && runEnd - i < lengths.Length)
            {
                runEnd++;
            }

            var words = _dictionary.Hmm.Cut(block[i..runEnd], lengths);
            for (var w = 0; w < words; w++)
            {
                output[count++] = new Word(offset + i, lengths[w], _dictionary.TagOf(block.Slice(i, lengths[w]), user) ?? WordDictionary.UnknownTag);
                i += lengths[w];
            }
        }

        return count;
    }

    /// <summary>
    /// The best route through <paramref name="block"/>: for each position, where the best word from it ends
    /// (<see cref="RouteBuffers.Next"/>), by the sum of log(frequency) − log(total) from there to the end; ties go to
    /// the longer word, as in jieba. A route never ends a word inside an ASCII run.
    /// </summary>
    private static void FindRoute(WordDictionary dictionary, ReadOnlySpan<char> block, UserWords user, RouteBuffers routes)
    {
        var n = block.Length;
        var kind = routes.Kind;
        var runEnd = routes.RunEnd;
        MarkAsciiRuns(block, kind, runEnd);

        var score = routes.Score;
        var next = routes.Next;
        score[n] = 0;
        var logTotal = user.LogTotal;
        Span<int> lengths = stackalloc int[MaxWordsAtPosition];
        Span<double> logFrequencies = stackalloc double[MaxWordsAtPosition];
        for (var k = n - 1; k >= 0; k--)
        {
            if (kind[k] == InsideRun)
            {
                next[k] = k + 1;
                score[k] = score[k + 1];
                continue;
            }

            var best = double.NegativeInfinity;
            var bestEnd = -1;
            if (kind[k] == RunStart)
            {
                best = -logTotal + score[runEnd[k]];
                bestEnd = runEnd[k];
            }

            var found = dictionary.WordsAt(block[k..], user, lengths, logFrequencies);
            for (var w = 0; w < found; w++)
            {
                var end = k + lengths[w];
                if (end < n && kind[end] == InsideRun)
                {
                    continue;
                }

                var candidate = logFrequencies[w] - logTotal + score[end];
                if (candidate >= best)
                {
                    best = candidate;
                    bestEnd = end;
                }
            }

            if (bestEnd < 0)
            {
                best = -logTotal + score[k + 1];
                bestEnd = k + 1;
            }

            score[k] = best;
            next[k] = bestEnd;
        }
    }

    /// <summary>Marks the ASCII letter and digit runs, a decimal part and a trailing % included: 13812345678, abc, 22.5, 50%.</summary>
    private static void MarkAsciiRuns(ReadOnlySpan<char> block, Span<byte> kind, Span<int> runEnd)
    {
        for (var i = 0; i < block.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(block[i]))
            {
                kind[i++] = Plain;
                continue;
            }

            var end = i;
            while (end < block.Length && char.IsAsciiLetterOrDigit(block[end]))
            {
                end++;
            }

            if (end + 1 < block.Length && block[end] == '.' && char.IsAsciiDigit(block[end - 1]) && char.IsAsciiDigit(block[end + 1]))
            {
                end++;
                while (end < block.Length && char.IsAsciiDigit(block[end]))
                {
                    end++;
                }
            }

            if (end < block.Length && block[end] == '%' && char.IsAsciiDigit(block[end - 1]))
            {
                end++;
            }

            kind[i] = RunStart;
            runEnd[i] = end;
            kind[(i + 1)..end].Fill(InsideRun);
            i = end;
        }
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsNumber(ReadOnlySpan<char> run) => char.IsAsciiDigit(run[0]) && !run.ContainsAnyInRange('A', 'z');

    /// <summary>Chinese characters: CJK unified ideographs, extension A and the compatibility block.</summary>
    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>What jieba cuts with the dictionary: Chinese, ASCII letters and digits, and + # &amp; . _ % -.</summary>
    private static bool IsBlockCharacter(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>Per-call working arrays from the shared pool, sized for the whole text.</summary>
    private readonly struct RouteBuffers(int length)
    {
        public int[] Next { get; } = ArrayPool<int>.Shared.Rent(length + 1);

        public double[] Score { get; } = ArrayPool<double>.Shared.Rent(length + 1);

        public int[] RunEnd { get; } = ArrayPool<int>.Shared.Rent(length + 1);

        public byte[] Kind { get; } = ArrayPool<byte>.Shared.Rent(length + 1);

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Next);
            ArrayPool<double>.Shared.Return(Score);
            ArrayPool<int>.Shared.Return(RunEnd);
            ArrayPool<byte>.Shared.Return(Kind);
        }
    }
}
