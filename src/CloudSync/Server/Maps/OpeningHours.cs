using System.Globalization;

namespace Car.CloudSync.Server.Maps;

/// <summary>Daily opening hours such as <c>11:00-14:00,17:00-21:30</c>; a range may pass midnight (<c>17:00-02:00</c>).</summary>
public sealed class OpeningHours
{
    private readonly (int From, int To)[] _ranges;

    private OpeningHours((int From, int To)[] ranges, string text)
    {
        _ranges = ranges;
        Text = text;
    }

    /// <summary>Open around the clock, also used when a provider does not say.</summary>
    public static OpeningHours Always { get; } = new([(0, 24 * 60)], "00:00-24:00");

    public string Text { get; }

    public static OpeningHours Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Always;
        }

        var ranges = new List<(int, int)>();
        foreach (var part in text.Split([',', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length == 2 && TryMinutes(ends[0], out var from) && TryMinutes(ends[1], out var to))
            {
                ranges.Add((from, to));
            }
        }

        return ranges.Count == 0 ? Always : new OpeningHours([.. ranges], text);
    }

    public bool IsOpen(TimeOnly time)
    {
        var minute = (time.Hour * 60) + time.Minute;
        foreach (var (from, to) in _ranges)
        {
            var open = to > from ? minute >= from && minute < to : minute >= from || minute < to;
            if (open)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMinutes(string text, out int minutes)
    {
        minutes = 0;
        var hm = text.Split(':');
        if (hm.Length != 2
            || !int.TryParse(hm[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(hm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || h > 24 || m > 59)
        {
            return false;
        }

        minutes = (h * 60) + m;
        return true;
    }
}
