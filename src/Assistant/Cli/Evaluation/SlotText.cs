using System.Text;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>How slot strings are compared: trimmed of whitespace and punctuation, ASCII case folded, spoken digits as digits in numbers.</summary>
internal static class SlotText
{
    private const string SpokenDigits = "零〇一幺二两三四五六七八九";
    private const string DigitValues = "0011223456789";

    public static string Normalize(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().Trim(Punctuation(text ?? string.Empty)).ToLowerInvariant();
        return trimmed;
    }

    /// <summary>A phone number said as 幺三八… or written 138-… becomes 138…; a name is only trimmed.</summary>
    public static string Contact(string? text)
    {
        var normalized = Normalize(text);
        var digits = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var spoken = SpokenDigits.IndexOf(c, StringComparison.Ordinal);
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (spoken >= 0)
            {
                digits.Append(DigitValues[spoken]);
            }
            else if (c is not ('-' or ' '))
            {
                return normalized;
            }
        }

        return digits.Length > 0 ? digits.ToString() : normalized;
    }

    private static char[] Punctuation(string text) =>
        [.. text.Where(c => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)).Distinct()];
}
