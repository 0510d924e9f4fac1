using System.Globalization;

namespace Car.Language;

/// <summary>A slot's value in an intent: a number, a boolean or the speaker's words.</summary>
public readonly record struct SlotValue
{
    private SlotValue(double? number, bool? flag, string? text)
    {
        Number = number;
        Flag = flag;
        Text = text;
    }

    public double? Number { get; }

    public bool? Flag { get; }

    public string? Text { get; }

    public static SlotValue Of(double number) => new(number, null, null);

    public static SlotValue Of(bool flag) => new(null, flag, null);

    public static SlotValue Of(string text) => new(null, null, text);

    public override string ToString() =>
        Number?.ToString(CultureInfo.InvariantCulture) ?? (Flag is { } flag ? (flag ? "true" : "false") : Text ?? string.Empty);
}
