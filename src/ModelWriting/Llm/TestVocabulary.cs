using System.Globalization;
using System.Text.RegularExpressions;

namespace Car.ModelWriting;

/// <summary>
/// A SentencePiece-style vocabulary (llama.cpp's "llama" tokenizer) for random-weight models: control tokens for
/// chatml, 256 byte-fallback tokens (so any text tokenizes), every character of the seed text, and all prefixes of
/// its words and JSON pieces (so SPM merges them into multi-character tokens, as a trained vocabulary would), padded
/// with unused tokens to the requested size.
/// </summary>
public sealed partial class TestVocabulary
{
    public const int Unknown = 0;
    public const int BeginOfText = 1;
    public const int EndOfText = 2;
    public const int ImStart = 3;
    public const int ImEnd = 4;

    private const int TypeNormal = 1;
    private const int TypeUnknown = 2;
    private const int TypeControl = 3;
    private const int TypeUnused = 5;
    private const int TypeByte = 6;

    private TestVocabulary(List<string> tokens, List<float> scores, List<int> types)
    {
        Tokens = tokens;
        Scores = scores;
        Types = types;
    }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<float> Scores { get; }

    public IReadOnlyList<int> Types { get; }

    public static TestVocabulary Build(string seedText, int targetSize)
    {
        var tokens = new List<string> { "<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>" };
        var types = new List<int> { TypeUnknown, TypeControl, TypeControl, TypeControl, TypeControl };
        var scores = new List<float> { 0, 0, 0, 0, 0 };
        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);
        for (var b = 0; b < 256; b++)
        {
            Add($"<0x{b:X2}>", TypeByte, 0);
        }

        // SentencePiece writes spaces as ▁.
        var text = seedText.Replace(' ', '\u2581').Replace('\n', '\u2581');
        Add("\u2581", TypeNormal, 0);
        foreach (var element in Elements(text))
        {
            Add(element, TypeNormal, 0);
        }

        foreach (Match piece in Pieces().Matches(text))
        {
            var value = piece.Value;
            var elements = Elements(value).ToList();
            for (var length = 2; length <= elements.Count; length++)
            {
                Add(string.Concat(elements.Take(length)), TypeNormal, length);
            }
        }

        for (var i = 0; tokens.Count < targetSize; i++)
        {
            Add($"<unused_{i}>", TypeUnused, -1000);
        }

        return new TestVocabulary(tokens, scores, types);

        void Add(string token, int type, float score)
        {
            if (seen.Add(token))
            {
                tokens.Add(token);
                types.Add(type);
                scores.Add(score);
            }
        }
    }

    private static IEnumerable<string> Elements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    /// <summary>Words with their leading ▁, and runs of JSON punctuation with the names around them.</summary>
    [GeneratedRegex(@"\u2581?[A-Za-z_.]+|[{""\[\]:,}]+[A-Za-z_.]*[""]?[:,]?")]
    private static partial Regex Pieces();
}
