namespace Car.Language.Segmentation;

/// <summary>Reads jieba's dictionary (lines of "word frequency tag") into <see cref="SortedWords"/>; a repeated word keeps its last line.</summary>
internal static class DictionaryFile
{
    public static SortedWords Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegmentationDataException($"jieba's dictionary cannot be read: {path} ({e.Message})", e);
        }

        var wordStarts = new List<int>(400_000);
        var wordLengths = new List<int>(400_000);
        var frequencies = new List<int>(400_000);
        var tags = new List<byte>(400_000);
        var tagNames = new List<string>();
        var tagNumbers = new Dictionary<string, byte>(StringComparer.Ordinal);
        var tagLookup = tagNumbers.GetAlternateLookup<ReadOnlySpan<char>>();

        var lineNumber = 0;
        for (var position = 0; position < text.Length;)
        {
            lineNumber++;
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(position, end - position).TrimEnd('\r');
            var lineStart = position;
            position = end + 1;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var tagSpace = line.LastIndexOf(' ');
            var frequencySpace = tagSpace > 0 ? line[..tagSpace].LastIndexOf(' ') : -1;
            if (frequencySpace <= 0 || tagSpace == line.Length - 1)
            {
                throw SegmentationDataException.AtLine(path, lineNumber, $"expected 'word frequency tag', found '{line}'");
            }

            var frequencyText = line[(frequencySpace + 1)..tagSpace];
            if (!int.TryParse(frequencyText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var frequency))
            {
                throw SegmentationDataException.AtLine(path, lineNumber, $"frequency '{frequencyText}' is not a whole number from 0 to {int.MaxValue}");
            }

            var tag = line[(tagSpace + 1)..];
            if (!tagLookup.TryGetValue(tag, out var tagNumber))
            {
                if (tagNames.Count > byte.MaxValue)
                {
                    throw SegmentationDataException.AtLine(path, lineNumber, $"more than {byte.MaxValue + 1} different tags");
                }

                tagNumber = (byte)tagNames.Count;
                tagNames.Add(tag.ToString());
                tagLookup[tag] = tagNumber;
            }

            wordStarts.Add(lineStart);
            wordLengths.Add(frequencySpace);
            frequencies.Add(frequency);
            tags.Add(tagNumber);
        }

        if (wordStarts.Count == 0)
        {
            throw new SegmentationDataException($"{path}: no words");
        }

        var order = new int[wordStarts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byText = text.AsSpan(wordStarts[a], wordLengths[a]).SequenceCompareTo(text.AsSpan(wordStarts[b], wordLengths[b]));
            return byText != 0 ? byText : a.CompareTo(b);
        });

        var kept = new List<int>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            var isRepeated = i + 1 < order.Length
                && text.AsSpan(wordStarts[order[i]], wordLengths[order[i]]).SequenceEqual(text.AsSpan(wordStarts[order[i + 1]], wordLengths[order[i + 1]]));
            if (!isRepeated)
            {
                kept.Add(order[i]);
            }
        }

        var characterCount = 0;
        foreach (var i in kept)
        {
            characterCount += wordLengths[i];
        }

        var characters = new char[characterCount];
        var starts = new int[kept.Count + 1];
        var keptFrequencies = new int[kept.Count];
        var keptTags = new byte[kept.Count];
        var offset = 0;
        for (var k = 0; k < kept.Count; k++)
        {
            var i = kept[k];
            starts[k] = offset;
            text.AsSpan(wordStarts[i], wordLengths[i]).CopyTo(characters.AsSpan(offset));
            offset += wordLengths[i];
            keptFrequencies[k] = frequencies[i];
            keptTags[k] = tags[i];
        }

        starts[kept.Count] = offset;
        return new SortedWords(characters, starts, keptFrequencies, keptTags, [.. tagNames]);
    }
}
