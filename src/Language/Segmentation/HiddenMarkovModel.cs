using System.Globalization;

namespace Car.Language.Segmentation;

/// <summary>
/// cppjieba's character HMM over the states B (begins a word), E (ends it), M (inside it) and S (a word alone): start,
/// transition and emission log-probabilities. <see cref="Cut"/> finds the likeliest state sequence (Viterbi) over a run
/// of Chinese characters, which is how words missing from the dictionary are found.
/// </summary>
internal sealed class HiddenMarkovModel
{
    private const int States = 4;
    private const int B = 0;
    private const int E = 1;
    private const int M = 2;
    private const int S = 3;
    private const int DataLines = 1 + States + States;

    /// <summary>jieba's stand-in for log 0: an unseen character or a transition that cannot happen.</summary>
    private const double Impossible = -3.14e100;

    private const int StackLimit = 128;

    private readonly double[] _start;
    private readonly double[] _transition;
    private readonly Dictionary<char, int> _characters;
    private readonly double[] _emission;

    private HiddenMarkovModel(double[] start, double[] transition, Dictionary<char, int> characters, double[] emission)
    {
        _start = start;
        _transition = transition;
        _characters = characters;
        _emission = emission;
    }

    /// <summary>Reads cppjieba's hmm_model.utf8: '#' comments, then one start line, four transition lines and four emission lines (B, E, M, S).</summary>
    public static HiddenMarkovModel Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegmentationDataException($"jieba's HMM model cannot be read: {path} ({e.Message})", e);
        }

        var start = new double[States];
        var transition = new double[States * States];
        var characters = new Dictionary<char, int>();
        var emissionRows = new List<(char Character, int State, double Value)>();
        var seen = 0;
        for (var index = 0; index < lines.Length && seen < DataLines; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var number = index + 1;
            if (seen == 0)
            {
                ReadNumbers(line, start, 0, path, number);
            }
            else if (seen <= States)
            {
                ReadNumbers(line, transition, (seen - 1) * States, path, number);
            }
            else
            {
                ReadEmissions(line, seen - 1 - States, emissionRows, path, number);
            }

            seen++;
        }

        if (seen < DataLines)
        {
            throw new SegmentationDataException(
                $"{path}: ends after {seen} of {DataLines} data lines (one start line, {States} transition lines, {States} emission lines); the file is cut short");
        }

        foreach (var (character, _, _) in emissionRows)
        {
            characters.TryAdd(character, characters.Count);
        }

        var emission = new double[characters.Count * States];
        Array.Fill(emission, Impossible);
        foreach (var (character, state, value) in emissionRows)
        {
            emission[characters[character] * States + state] = value;
        }

        return new HiddenMarkovModel(start, transition, characters, emission);
    }

    /// <summary>The model's arrays: the characters in the order of their emission rows.</summary>
    internal (double[] Start, double[] Transition, char[] Characters, double[] Emission) Arrays
    {
        get
        {
            var characters = new char[_characters.Count];
            foreach (var (character, index) in _characters)
            {
                characters[index] = character;
            }

            return (_start, _transition, characters, _emission);
        }
    }

    /// <summary>A model from the arrays <see cref="Arrays"/> gave; null when their lengths do not fit together.</summary>
    internal static HiddenMarkovModel? FromArrays(double[] start, double[] transition, char[] characters, double[] emission)
    {
        if (start.Length != States || transition.Length != States * States || emission.Length != characters.Length * States)
        {
            return null;
        }

        var indexes = new Dictionary<char, int>(characters.Length);
        foreach (var character in characters)
        {
            if (!indexes.TryAdd(character, indexes.Count))
            {
                return null;
            }
        }

        return new HiddenMarkovModel(start, transition, indexes, emission);
    }

    /// <summary>Cuts <paramref name="text"/> into words; writes each word's length into <paramref name="lengths"/> and returns how many.</summary>
    public int Cut(ReadOnlySpan<char> text, Span<int> lengths)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var n = text.Length;
        var scores = n <= StackLimit ? stackalloc double[n * States] : new double[n * States];
        var back = n <= StackLimit ? stackalloc byte[n * States] : new byte[n * States];

        for (var state = 0; state < States; state++)
        {
            scores[state] = _start[state] + Emission(state, text[0]);
        }

        for (var t = 1; t < n; t++)
        {
            var previous = scores.Slice((t - 1) * States, States);
            var current = scores.Slice(t * States, States);
            var c = text[t];
            Step(previous, current, back, t, B, E, S, Emission(B, c));
            Step(previous, current, back, t, M, M, B, Emission(M, c));
            Step(previous, current, back, t, S, S, E, Emission(S, c));
            Step(previous, current, back, t, E, B, M, Emission(E, c));
        }

        var last = scores.Slice((n - 1) * States, States);
        var stateAt = last[E] >= last[S] ? E : S;
        Span<byte> path = n <= StackLimit ? stackalloc byte[n] : new byte[n];
        for (var t = n - 1; t >= 0; t--)
        {
            path[t] = (byte)stateAt;
            stateAt = back[t * States + stateAt];
        }

        return Words(path, lengths);
    }

    /// <summary>jieba's reading of a state path: B starts a word, E ends it, S is a word alone; a trailing unfinished word is kept.</summary>
    private static int Words(ReadOnlySpan<byte> path, Span<int> lengths)
    {
        var count = 0;
        var begin = 0;
        var next = 0;
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    lengths[count++] = i + 1 - begin;
                    next = i + 1;
                    break;
                case S:
                    lengths[count++] = 1;
                    next = i + 1;
                    break;
            }
        }

        if (next < path.Length)
        {
            lengths[count++] = path.Length - next;
        }

        return count;
    }

    /// <summary>The best way into <paramref name="state"/> at <paramref name="t"/> from its two possible predecessors.</summary>
    private void Step(Span<double> previous, Span<double> current, Span<byte> back, int t, int state, int from1, int from2, double emission)
    {
        var via1 = previous[from1] + _transition[from1 * States + state];
        var via2 = previous[from2] + _transition[from2 * States + state];
        var useFirst = via1 >= via2;
        current[state] = (useFirst ? via1 : via2) + emission;
        back[t * States + state] = (byte)(useFirst ? from1 : from2);
    }

    private double Emission(int state, char c) =>
        _characters.TryGetValue(c, out var index) ? _emission[index * States + state] : Impossible;

    private static void ReadNumbers(string line, double[] into, int offset, string path, int number)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != States)
        {
            throw SegmentationDataException.AtLine(path, number, $"expected {States} log-probabilities, found {fields.Length}");
        }

        for (var i = 0; i < States; i++)
        {
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out into[offset + i]))
            {
                throw SegmentationDataException.AtLine(path, number, $"'{fields[i]}' is not a number");
            }
        }
    }

    private static void ReadEmissions(string line, int state, List<(char, int, double)> into, string path, int number)
    {
        foreach (var pair in line.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.LastIndexOf(':');
            if (colon != 1 || !double.TryParse(pair.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw SegmentationDataException.AtLine(path, number, $"'{pair}' is not 'character:log-probability'");
            }

            into.Add((pair[0], state, value));
        }
    }
}
