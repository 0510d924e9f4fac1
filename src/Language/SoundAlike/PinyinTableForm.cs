using Car.Language.Compiled;

namespace Car.Language.SoundAlike;

/// <summary>
/// <see cref="PinyinTable"/> in a compiled file: its arrays as they lie in memory (about 1 MB), read without parsing
/// the 1.9 MB of JSON. The checksum tells a damaged file; what is read is also checked so that no lookup can fail:
/// offsets and syllable ids in range, characters with readings in ascending order.
/// </summary>
internal sealed class PinyinTableForm : ICompiledForm<PinyinTable>
{
    public static PinyinTableForm Instance { get; } = new();

    /// <summary>"PINY".</summary>
    public uint Kind => 0x594E4950;

    public uint Version => 2;

    public void Write(CompiledFileWriter writer, PinyinTable value)
    {
        var arrays = value.Arrays;
        writer.WriteArray<char>(arrays.WordCharacters);
        writer.WriteArray<int>(arrays.WordStarts);
        writer.WriteArray<int>(arrays.WordOffsets);
        writer.WriteArray<float>(arrays.WordFrequencies);
        writer.WriteArray<ushort>(arrays.WordSyllables);
        writer.WriteStrings(arrays.Syllables);
        writer.WriteArray<char>(arrays.ReadingCharacters);
        writer.WriteArray<int>(arrays.ReadingStarts);
        writer.WriteArray<ushort>(arrays.ReadingSyllables);
    }

    public PinyinTable Read(CompiledFileReader reader)
    {
        var arrays = new PinyinTableArrays(
            reader.ReadArray<char>(),
            reader.ReadArray<int>(),
            reader.ReadArray<int>(),
            reader.ReadArray<float>(),
            reader.ReadArray<ushort>(),
            reader.ReadStrings(),
            reader.ReadArray<char>(),
            reader.ReadArray<int>(),
            reader.ReadArray<ushort>());
        reader.Finish();
        CheckWords(arrays);
        CheckReadings(arrays);
        return new PinyinTable(arrays);
    }

    private static void CheckWords(PinyinTableArrays arrays)
    {
        var (characters, starts, offsets, frequencies, syllables) =
            (arrays.WordCharacters, arrays.WordStarts, arrays.WordOffsets, arrays.WordFrequencies, arrays.WordSyllables);
        var count = frequencies.Length;
        if (count == 0 || starts.Length != count + 1 || offsets.Length != count || starts[0] != 0 || starts[count] != characters.Length)
        {
            throw new CompiledDataException("its entry arrays differ in length");
        }

        for (var i = 0; i < count; i++)
        {
            var length = starts[i + 1] - starts[i];
            if (length < 0 || offsets[i] < -1 || (offsets[i] >= 0 && offsets[i] > syllables.Length - length))
            {
                throw new CompiledDataException($"entry {i} has its offsets out of range");
            }
        }

        CheckSyllables(syllables, arrays.Syllables.Length);
    }

    private static void CheckReadings(PinyinTableArrays arrays)
    {
        var (characters, starts) = (arrays.ReadingCharacters, arrays.ReadingStarts);
        if (starts.Length != characters.Length + 1 || starts[0] != 0 || starts[^1] != arrays.ReadingSyllables.Length)
        {
            throw new CompiledDataException("its reading arrays differ in length");
        }

        for (var i = 0; i < characters.Length; i++)
        {
            if (starts[i + 1] <= starts[i] || (i > 0 && characters[i] <= characters[i - 1]))
            {
                throw new CompiledDataException($"the readings of character {i} are out of order");
            }
        }

        CheckSyllables(arrays.ReadingSyllables, arrays.Syllables.Length);
    }

    private static void CheckSyllables(ushort[] ids, int syllables)
    {
        foreach (var id in ids)
        {
            if (id >= syllables)
            {
                throw new CompiledDataException($"syllable {id} is not one of the {syllables}");
            }
        }
    }
}
