using System.Collections;

namespace Car.Language.Segmentation;

/// <summary>The words of one text, in order, covering it without gaps.</summary>
public sealed class SegmentedText : IReadOnlyList<Word>
{
    private readonly Word[] _words;

    internal SegmentedText(string text, Word[] words)
    {
        Text = text;
        _words = words;
    }

    public string Text { get; }

    public int Count => _words.Length;

    public Word this[int index] => _words[index];

    /// <summary>Whether a word starts or ends at <paramref name="index"/> (0 and the text's length are boundaries).</summary>
    public bool IsBoundary(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Text.Length);
        return index == Text.Length || WordIndexAt(index) is var i && _words[i].Start == index;
    }

    /// <summary>The word that covers the character at <paramref name="index"/>.</summary>
    public Word WordAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Text.Length);
        return _words[WordIndexAt(index)];
    }

    public string TextOf(Word word) => Text.Substring(word.Start, word.Length);

    public IEnumerator<Word> GetEnumerator() => ((IEnumerable<Word>)_words).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The words joined by '|', e.g. 打开|车窗.</summary>
    public override string ToString() => string.Join('|', _words.Select(TextOf));

    private int WordIndexAt(int index)
    {
        int low = 0, high = _words.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (_words[middle].Start <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
