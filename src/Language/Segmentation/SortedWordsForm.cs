using Car.Language.Compiled;

namespace Car.Language.Segmentation;

/// <summary>
/// <see cref="SortedWords"/> in a compiled file: its arrays as they lie in memory (about 5 MB for jieba's dictionary),
/// used where they lie in the mapped file, so that loading takes a few milliseconds where parsing and sorting the
/// text takes a few hundred. The checksum tells a damaged file; what is read is also checked so that no lookup can
/// fail: offsets rising inside the characters, tags inside the tag names, the first-character index inside the words.
/// The order of the words is the writer's (they come sorted from <see cref="DictionaryFile"/>).
/// </summary>
internal sealed class SortedWordsForm : ICompiledForm<SortedWords>
{
    public static SortedWordsForm Instance { get; } = new();

    /// <summary>"JIEB".</summary>
    public uint Kind => 0x4245494A;

    public uint Version => 2;

    public void Write(CompiledFileWriter writer, SortedWords value)
    {
        var (characters, starts, frequencies, tags, tagNames, firstStarts) = value.Arrays;
        writer.WriteArray(characters.Span);
        writer.WriteArray(starts.Span);
        writer.WriteArray(frequencies.Span);
        writer.WriteArray(tags.Span);
        writer.WriteStrings(tagNames);
        writer.WriteArray(firstStarts.Span);
    }

    public SortedWords Read(CompiledFileReader reader)
    {
        var characters = reader.ReadMemory<char>();
        var starts = reader.ReadMemory<int>();
        var frequencies = reader.ReadMemory<int>();
        var tags = reader.ReadMemory<byte>();
        var tagNames = reader.ReadStrings();
        var firstStarts = reader.ReadMemory<int>();
        reader.Finish();

        var count = frequencies.Length;
        if (count == 0 || starts.Length != count + 1 || tags.Length != count || firstStarts.Length != SortedWords.FirstStartsLength)
        {
            throw new CompiledDataException("its word arrays differ in length");
        }

        CheckWords(starts.Span, tags.Span, characters.Length, tagNames.Length);
        CheckFirstStarts(firstStarts.Span, count);
        return new SortedWords(characters, starts, frequencies, tags, tagNames, firstStarts);
    }

    private static void CheckWords(ReadOnlySpan<int> starts, ReadOnlySpan<byte> tags, int characters, int tagNames)
    {
        if (starts[0] != 0 || starts[^1] != characters)
        {
            throw new CompiledDataException("its word offsets do not match its characters");
        }

        for (var i = 0; i < tags.Length; i++)
        {
            // Every word has a character, so the offsets rise strictly; the walk by first character relies on it.
            if (starts[i + 1] <= starts[i] || tags[i] >= tagNames)
            {
                throw new CompiledDataException($"word {i} has its offsets or its tag out of range");
            }
        }
    }

    private static void CheckFirstStarts(ReadOnlySpan<int> firstStarts, int count)
    {
        var previous = 0;
        foreach (var start in firstStarts)
        {
            if (start < previous || start > count)
            {
                throw new CompiledDataException("its first-character index is out of range");
            }

            previous = start;
        }
    }
}
