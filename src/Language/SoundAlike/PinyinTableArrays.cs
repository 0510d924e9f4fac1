namespace Car.Language.SoundAlike;

/// <summary>The arrays a <see cref="PinyinTable"/> is made of (see its fields), as the builder and <see cref="PinyinTableForm"/> hand them over.</summary>
internal sealed record PinyinTableArrays(
    char[] WordCharacters,
    int[] WordStarts,
    int[] WordOffsets,
    float[] WordFrequencies,
    ushort[] WordSyllables,
    string[] Syllables,
    char[] ReadingCharacters,
    int[] ReadingStarts,
    ushort[] ReadingSyllables);
