namespace Car.Language.Model;

/// <summary>Finds the longest known phrase starting at a position of a text.</summary>
public sealed class PhraseTrie<T>
{
    private readonly Node _root = new();

    public int LongestPhrase { get; private set; }

    /// <summary>Adds a phrase; a phrase added twice keeps its first value.</summary>
    public bool TryAdd(string phrase, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(phrase);
        var node = _root;
        foreach (var c in phrase)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var next))
            {
                next = new Node();
                node.Children[c] = next;
            }

            node = next;
        }

        if (node.HasValue)
        {
            return false;
        }

        node.HasValue = true;
        node.Value = value;
        LongestPhrase = Math.Max(LongestPhrase, phrase.Length);
        return true;
    }

    /// <summary>The length of the longest phrase at <paramref name="start"/> (0 if none) and its value.</summary>
    public int Match(ReadOnlySpan<char> text, int start, out T value)
    {
        value = default!;
        var best = 0;
        var node = _root;
        for (var i = start; i < text.Length && node.Children is not null; i++)
        {
            if (!node.Children.TryGetValue(text[i], out node))
            {
                break;
            }

            if (node.HasValue)
            {
                best = i - start + 1;
                value = node.Value;
            }
        }

        return best;
    }

    /// <summary>Every phrase at <paramref name="start"/>, longest first, as (length, value).</summary>
    public void MatchAll(ReadOnlySpan<char> text, int start, List<(int Length, T Value)> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        found.Clear();
        var node = _root;
        for (var i = start; i < text.Length && node.Children is not null; i++)
        {
            if (!node.Children.TryGetValue(text[i], out node))
            {
                break;
            }

            if (node.HasValue)
            {
                found.Add((i - start + 1, node.Value));
            }
        }

        found.Reverse();
    }

    private sealed class Node
    {
        public Dictionary<char, Node>? Children { get; set; }

        public bool HasValue { get; set; }

        public T Value { get; set; } = default!;
    }
}
