namespace Car.Language;

/// <summary>Whether a stretch of what was said opens or closes with one of a lexicon list's words.</summary>
internal static class WordLists
{
    /// <summary>Whether <paramref name="text"/> starts with one of <paramref name="words"/>.</summary>
    public static bool StartsWithAny(ReadOnlySpan<char> text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> ends with one of <paramref name="words"/>.</summary>
    public static bool EndsWithAny(ReadOnlySpan<char> text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether what <paramref name="text"/> says right before <paramref name="at"/> (pauses aside) is one of <paramref name="words"/>.</summary>
    public static bool SaidRightBefore(string text, int at, IReadOnlyList<string> words) =>
        at <= text.Length && EndsWithAny(text.AsSpan(0, at).TrimEnd(SpeakerSpan.EdgePunctuation), words);
}
