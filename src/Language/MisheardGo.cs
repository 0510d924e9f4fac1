using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// 取公司, 我要取机场: 取 heard for 去 (both qu) where it stands as a word of its own; 取消, 取钱 and 取快递 are words or
/// errands of their own. The repaired text is read again, and only a place found in it counts (see
/// <see cref="RuleParser"/>); the car asks before going there.
/// </summary>
public static class MisheardGo
{
    private const char Heard = '取';
    private const char Meant = '去';

    /// <summary>
    /// <paramref name="text"/> with each 取 that is a word of its own read as 去, or null when there is none; the text is
    /// segmented only when 取 is said.
    /// </summary>
    public static string? Repair(string text, WordSegmenter? segmenter)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (segmenter is null || !text.Contains(Heard, StringComparison.Ordinal))
        {
            return null;
        }

        var words = segmenter.Segment(text);
        var repaired = text.ToCharArray();
        var changed = false;
        foreach (var word in words)
        {
            if (word.Length == 1 && text[word.Start] == Heard && word.Start + 1 < text.Length)
            {
                repaired[word.Start] = Meant;
                changed = true;
            }
        }

        return changed ? new string(repaired) : null;
    }
}
