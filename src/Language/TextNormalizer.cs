using System.Globalization;
using System.Text;
using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// Brings an utterance to the form the lexicon is written in: full-width to half-width, lower case, invisible
/// format characters and markup dropped, control characters, emoji and undecodable bytes removed, Traditional
/// characters and known ASR slips repaired, and a wake phrase dropped: at the start, or at the end when it greets
/// (打开车窗小车你好; the name alone at the end may be what the driver means: 打电话给小车).
/// </summary>
public sealed class TextNormalizer
{
    private const int MaxMarkupLength = 64;

    private readonly Lexicon _lexicon;
    private readonly IReadOnlyList<string> _wakePhrases;
    private readonly string[] _greetings;

    /// <param name="lexicon">The language data.</param>
    /// <param name="assistantNames">Other names the assistant answers to (<see cref="LanguageOptions.AssistantNames"/>).</param>
    public TextNormalizer(Lexicon lexicon, IReadOnlyList<string>? assistantNames = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        _wakePhrases = lexicon.WakePhrasesFor(assistantNames ?? []);
        string[] names = [.. (assistantNames ?? []).Select(n => n.Trim().ToLowerInvariant()), lexicon.AssistantName ?? string.Empty];
        _greetings = [.. _wakePhrases.Where(w => !names.Contains(w))];
    }

    public string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var cleaned = StripMarkup(FoldWidth(RemoveUnreadable(text))).ToLowerInvariant();
        var repaired = JoinSpacedNumbers(Repair(cleaned)).Trim();
        return DropWakePhrase(repaired);
    }

    /// <summary>
    /// A space between a number and Chinese is typing, not a pause (车窗开到 50%, 空调 22 度): it goes, so that the
    /// number stays with its request. Spaces between words are kept; they part requests.
    /// </summary>
    private static string JoinSpacedNumbers(string text)
    {
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ')
            {
                builder.Append(text[i]);
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            var before = builder.Length > 0 ? builder[^1] : '\0';
            var after = end < text.Length ? text[end] : '\0';
            var joins = (char.IsAsciiDigit(before) && IsHan(after)) || (IsHan(before) && char.IsAsciiDigit(after));
            if (!joins)
            {
                builder.Append(' ');
            }

            i = end - 1;
        }

        return builder.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>
    /// Invisible format characters (zero-width space, joiners, word joiner, BOM, soft hyphen, bidi marks) are dropped,
    /// so that 解\u200B锁 stays 解锁; control characters, emoji, symbols and U+FFFD (bad input bytes) become one space each.
    /// </summary>
    private static string RemoveUnreadable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format)
            {
                continue;
            }

            var unreadable = rune == Rune.ReplacementChar || category is UnicodeCategory.Control
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherSymbol or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.Surrogate;
            if (unreadable)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Full-width ASCII (ＡＣ, ２２, ，) to half-width and the ideographic space to a space. Done by hand rather
    /// than with NFKC so that it works the same with invariant globalization (no ICU on the head unit).
    /// </summary>
    private static string FoldWidth(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(chars[i] - 0xFEE0),
                '\u3000' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    /// <summary>
    /// Markup is not speech: a tag (<c>&lt;font size=18&gt;</c>, <c>&lt;/b&gt;</c>) and a bracketed annotation
    /// (<c>[18]</c>, <c>[noise]</c>) go, with what they hold, when they close within <see cref="MaxMarkupLength"/>
    /// characters; the text between tags stays. A lone &lt; (温度&lt;20) is kept.
    /// </summary>
    private static string StripMarkup(string text)
    {
        if (text.IndexOfAny(['<', '[']) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] switch { '<' => '>', '[' => ']', _ => '\0' };
            var end = close == '\0' ? -1 : text.IndexOf(close, i + 1, Math.Min(MaxMarkupLength, text.Length - i - 1));
            if (end > i)
            {
                i = end;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private string Repair(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = _lexicon.Replacements.Match(text, i, out var replacement);
            if (length > 0)
            {
                builder.Append(replacement);
                i += length;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private string DropWakePhrase(string text)
    {
        var dropped = true;
        while (dropped)
        {
            dropped = false;
            foreach (var wake in _wakePhrases)
            {
                if (text.StartsWith(wake, StringComparison.Ordinal))
                {
                    text = text[wake.Length..].TrimStart(WakeSeparators);
                    dropped = true;
                    break;
                }
            }
        }

        foreach (var greeting in _greetings)
        {
            if (text.Length > greeting.Length && text.EndsWith(greeting, StringComparison.Ordinal))
            {
                return text[..^greeting.Length].TrimEnd(WakeSeparators);
            }
        }

        return text;
    }

    private static readonly char[] WakeSeparators = [' ', ',', '，', '、', '!', '！'];
}
