namespace Car.Language;

/// <summary>
/// 拨打一二零, 打电话给幺幺零, 拨打一三八一二三四五六七八: a number said digit by digit (零 to 九, 幺 for one, 两) is the
/// digits the phone dials: 120, 110, 13812345678. Emergency numbers are said this way more often than any other.
/// </summary>
public static class SpokenNumber
{
    /// <summary>Fewer digits than this are a name or a word (一一, 三七), not a number to dial.</summary>
    public const int ShortestNumber = 3;

    private const string Digits = "零一二三四五六七八九";

    /// <summary><paramref name="intent"/> with a contact said digit by digit written as digits; otherwise as it was.</summary>
    public static Intent Dialled(Intent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Name != IntentNames.PhoneCall || intent.Text(SlotNames.Contact) is not { } contact || !IsSaidDigitByDigit(contact))
        {
            return intent;
        }

        return intent.With(SlotNames.Contact, SlotValue.Of(string.Concat(contact.Select(c => (char)('0' + DigitOf(c))))));
    }

    /// <summary>Whether <paramref name="words"/> are <see cref="ShortestNumber"/> or more digits said one by one (一二零).</summary>
    public static bool IsSaidDigitByDigit(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Length >= ShortestNumber && words.All(IsDigit);
    }

    /// <summary>Whether <paramref name="c"/> is a digit said as a word (零 to 九, 幺, 两, 〇).</summary>
    private static bool IsDigit(char c) => DigitOf(c) >= 0;

    /// <summary>How many digits said one by one run from <paramref name="start"/> (0 when one runs up to it too).</summary>
    public static int RunLength(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && IsDigit(text[start - 1]))
        {
            return 0;
        }

        var end = start;
        while (end < text.Length && IsDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int DigitOf(char c) => c switch
    {
        '幺' => 1,
        '两' => 2,
        '〇' => 0,
        _ => Digits.IndexOf(c, StringComparison.Ordinal),
    };
}
