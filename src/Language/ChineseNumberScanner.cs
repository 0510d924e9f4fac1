namespace Car.Language;

/// <summary>What kind of quantity a number is, from how it was said.</summary>
public enum NumberForm
{
    Plain,

    /// <summary>百分之三十, 三分之一 (already in percent).</summary>
    Percent,
}

/// <summary>
/// Reads numbers as spoken: Arabic (22, 22.5), Chinese (二十二, 两, 一百, 二十二点五, 一万, 九亿九千万), 百分之三十
/// and 三分之一, and a sign before them (负五, 零下四十, -5, −5). As spoken, a last digit right after 百, 千, 万 or 亿
/// counts in the next unit down: 两万五 is 25000, 一百五 is 150, while 一万零五 is 10005.
/// </summary>
public static class ChineseNumberScanner
{
    private const string Digits = "零〇一二两三四五六七八九";

    /// <summary>Scans a number at <paramref name="start"/>; returns its length, or 0 when none starts there.</summary>
    public static int Scan(ReadOnlySpan<char> text, int start, out double value, out NumberForm form)
    {
        var sign = SignLength(text[start..]);
        if (sign == 0)
        {
            return ScanUnsigned(text, start, out value, out form);
        }

        var length = ScanUnsigned(text, start + sign, out value, out form);
        if (length == 0)
        {
            return 0;
        }

        value = -value;
        return sign + length;
    }

    private static int SignLength(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("零下"))
        {
            return 2;
        }

        return text.Length > 0 && text[0] is '负' or '-' or '\u2212' ? 1 : 0;
    }

    private static int ScanUnsigned(ReadOnlySpan<char> text, int start, out double value, out NumberForm form)
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
        double high = 0;
        double section = 0;
        double pending = 0;
        double lastUnit = 0;
        var digitAfterUnit = false;
        var i = start;
        var sawAny = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                pending = DigitValue(digit);
                digitAfterUnit = i > start && text[i - 1] is '百' or '千' or '万' or '亿';
                sawAny = true;
                continue;
            }

            if (c is '万' or '亿')
            {
                if (!sawAny)
                {
                    break;
                }

                var scale = c == '万' ? 10_000 : 100_000_000;
                var part = section + Elided(pending, lastUnit, digitAfterUnit);
                high = c == '万' ? high + (part * scale) : (high + part) * scale;

                section = 0;
                pending = 0;
                lastUnit = scale;
                digitAfterUnit = false;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                break;
            }

            // 十二 means 12: a unit with no digit before it counts once.
            section += (pending == 0 && (!sawAny || unit == 10) ? 1 : pending) * unit;
            pending = 0;
            lastUnit = unit;
            digitAfterUnit = false;
            sawAny = true;
        }

        if (!sawAny)
        {
            return 0;
        }

        pending = Elided(pending, lastUnit, digitAfterUnit);
        var total = high + section;
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

    /// <summary>The last digit of 两万五 or 一百五 counts in the unit below the one before it.</summary>
    private static double Elided(double pending, double lastUnit, bool digitAfterUnit) =>
        digitAfterUnit && lastUnit >= 100 ? pending * lastUnit / 10 : pending;

    private static double DigitValue(int index) => index switch
    {
        0 or 1 => 0,
        2 => 1,
        3 or 4 => 2,
        _ => index - 2,
    };
}
