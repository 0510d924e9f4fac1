namespace Car.Language.Segmentation;

/// <summary>
/// Words kept in ordinal order in one character pool, word i being characters[starts[i]..starts[i + 1]]: how jieba's
/// dictionary and the pinyin table hold their words compactly.
/// </summary>
internal static class WordPool
{
    /// <summary>The index of <paramref name="word"/> among the words [<paramref name="low"/>, <paramref name="high"/>], or -1.</summary>
    public static int Find(ReadOnlySpan<char> characters, ReadOnlySpan<int> starts, int low, int high, ReadOnlySpan<char> word)
    {
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = characters[starts[middle]..starts[middle + 1]].SequenceCompareTo(word);
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
}
