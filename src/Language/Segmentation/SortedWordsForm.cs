using Car.Language.Compiled;

namespace Car.Language.Segmentation;

/// <summary>
/// <see cref="SortedWords"/> in a compiled file: its arrays as they lie in memory (about 8 MB for jieba's dictionary,
/// read in a few milliseconds where parsing and sorting the text takes a few hundred). The checksum tells a damaged
/// file; what is read is also checked so that no lookup can fail: offsets rising inside the characters, tags inside
/// the tag names. The order of the words is the writer's (they come sorted from <see cref="DictionaryFile"/>).
/// </summary>
internal sealed class SortedWordsForm : ICompiledForm<SortedWords>
{
    public static SortedWordsForm Instance { get; } = new();

    /// <summary>"JIEB".</summary>
    public uint Kind => 0x4245494A;

    public uint Version => 1;

    public void Write(CompiledFileWriter writer, SortedWords value)
    {
        var (characters, starts, frequencies, logFrequencies, tags, tagNames) = value.Arrays;
        writer.WriteArray<char>(characters);
        writer.WriteArray<int>(starts);
        writer.WriteArray<int>(frequencies);
        writer.WriteArray<double>(logFrequencies);
        writer.WriteArray<byte>(tags);
        writer.WriteStrings(tagNames);
    }

    public SortedWords Read(CompiledFileReader reader)
    {
        var characters = reader.ReadArray<char>();
        var starts = reader.ReadArray<int>();
        var frequencies = reader.ReadArray<int>();
        var logFrequencies = reader.ReadArray<double>();
        var tags = reader.ReadArray<byte>();
        var tagNames = reader.ReadStrings();
        reader.Finish();

        var count = frequencies.Length;
        if (count == 0 || starts.Length != count + 1 || logFrequencies.Length != count || tags.Length != count
            || starts[0] != 0 || starts[count] != characters.Length)
        {
            throw new CompiledDataException("its word arrays differ in length");
        }

        for (var i = 0; i < count; i++)
        {
            // Every word has a character, so the offsets rise strictly; the walk by first character relies on it.
            if (starts[i + 1] <= starts[i] || tags[i] >= tagNames.Length)
            {
                throw new CompiledDataException($"word {i} has its offsets or its tag out of range");
            }
        }

        return new SortedWords(characters, starts, frequencies, logFrequencies, tags, tagNames);
    }
}
