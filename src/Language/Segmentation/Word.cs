namespace Car.Language.Segmentation;

/// <summary>
/// One token of a segmented text: <paramref name="Start"/> and <paramref name="Length"/> index the input string;
/// <paramref name="Tag"/> is jieba's part of speech (ns place, nr person, nt organisation, nz other proper noun, v, n, m,
/// …), "eng" or "m" for an ASCII run, and "x" for punctuation, spaces and words the dictionary does not know.
/// </summary>
public readonly record struct Word(int Start, int Length, string Tag)
{
    public int End => Start + Length;
}
