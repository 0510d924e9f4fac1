namespace Car.Language;

/// <summary>What kind of quantity a number is, from how it was said.</summary>
public enum NumberForm
{
    Plain,

    /// <summary>百分之三十, 三分之一 (already in percent).</summary>
    Percent,
}

/// <summary>
/// Reads numbers as spoken: Arabic (22, 22.5), Chinese (二十二, 两, 一百, 二十二点五), 百分之三十 and 三分之一.
/// </summary>
public static class ChineseNumberScanner
{
    private const string Digits = "零〇一二两三四五六七八九";

    /// <summary>Scans a number at <paramref name="start"/>; returns its length, or 0 when none starts there.</summary>
    public static int Scan(ReadOnlySpan<char> text, int start, out double value, out NumberForm form)
    {
        value = 0;
        form = NumberForm.Plain;
        if (text[start..].StartsWith("百分之"))
        {
            var length = ScanCardinal(text, start + 3, out value);
            if (length == 0)
            {
                return 0;
            }

            form = NumberForm.Percent;
            return 3 + length;
        }

        var consumed = ScanCardinal(text, start, out value);
        if (consumed == 0)
        {
            return 0;
        }

        var after = start + consumed;
        if (text[after..].StartsWith("分之"))
        {
            var numeratorLength = ScanCardinal(text, after + 2, out var numerator);
            if (numeratorLength > 0 && value > 0)
            {
                value = Math.Round(numerator / value * 100);
                form = NumberForm.Percent;
                return consumed + 2 + numeratorLength;
            }
        }

        return consumed;
    }

    /// <summary>An integer or decimal, Arabic or Chinese.</summary>
    private static int ScanCardinal(ReadOnlySpan<char> text, int start, out double value)
    {
        value = 0;
        if (start >= text.Length)
        {
            return 0;
        }

        return char.IsAsciiDigit(text[start]) ? ScanArabic(text, start, out value) : ScanChinese(text, start, out value);
    }

    private static int ScanArabic(ReadOnlySpan<char> text, int start, out double value)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end + 1 < text.Length && text[end] is '.' or '点' && char.IsAsciiDigit(text[end + 1]))
        {
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }

        var digits = text[start..end].ToString().Replace('点', '.');
        value = double.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return end - start;
    }

    private static int ScanChinese(ReadOnlySpan<char> text, int start, out double value)
    {
        value = 0;
        double total = 0;
        double pending = 0;
        var i = start;
        var sawAny = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                pending = DigitValue(digit);
                sawAny = true;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                break;
            }

            // 十二 means 12: a unit with no digit before it counts once.
            total += (pending == 0 && (!sawAny || unit == 10) ? 1 : pending) * unit;
            pending = 0;
            sawAny = true;
        }

        if (!sawAny)
        {
            return 0;
        }

        value = total + pending;
        if (i + 1 < text.Length && text[i] == '点' && Digits.Contains(text[i + 1]))
        {
            var scale = 0.1;
            i++;
            while (i < text.Length && Digits.IndexOf(text[i], StringComparison.Ordinal) is var d and >= 0)
            {
                value += DigitValue(d) * scale;
                scale /= 10;
                i++;
            }

            value = Math.Round(value, 3);
        }

        return i - start;
    }

    private static double DigitValue(int index) => index switch
    {
        0 or 1 => 0,
        2 => 1,
        3 or 4 => 2,
        _ => index - 2,
    };
}
