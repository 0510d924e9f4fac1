using System.Globalization;
using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>
/// The log format of can-utils (<c>candump -l</c>, read by <c>canplayer</c>): <c>(1700000000.250000) vcan0 123#DEADBEEF</c>;
/// an 8-digit identifier is an extended frame. Remote frames (<c>123#R</c>) and CAN FD frames (<c>123##1…</c>) are
/// recognised and refused: Car speaks classic data frames.
/// </summary>
public static class CandumpLog
{
    /// <summary>Reads one line; false with the reason for a line that is blank, a comment, malformed, remote or CAN FD.</summary>
    public static bool TryParse(string line, out CandumpRecord record, out string reason)
    {
        ArgumentNullException.ThrowIfNull(line);
        record = default;
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].StartsWith('#'))
        {
            reason = "blank or comment";
            return false;
        }

        decimal? timestamp = null;
        var at = 0;
        if (parts[0].StartsWith('(') && parts[0].EndsWith(')'))
        {
            if (!decimal.TryParse(parts[0][1..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                reason = $"'{parts[0]}' is not a timestamp";
                return false;
            }

            timestamp = seconds;
            at++;
        }

        var iface = parts.Length - at >= 2 ? parts[at++] : string.Empty;
        if (at != parts.Length - 1)
        {
            reason = "expected (TIMESTAMP) INTERFACE ID#DATA";
            return false;
        }

        var text = parts[at];
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash is not (3 or 8))
        {
            reason = $"'{text}' is not ID#DATA with a 3- or 8-digit identifier";
            return false;
        }

        if (text.AsSpan(hash + 1).StartsWith("#"))
        {
            reason = "a CAN FD frame";
            return false;
        }

        if (text.AsSpan(hash + 1).StartsWith("R", StringComparison.OrdinalIgnoreCase))
        {
            reason = "a remote frame";
            return false;
        }

        var data = text.AsSpan(hash + 1);
        if (!uint.TryParse(text.AsSpan(0, hash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id)
            || data.Length % 2 != 0 || data.Length > 16)
        {
            reason = $"'{text}' is not ID#DATA with up to 8 bytes of hex";
            return false;
        }

        Span<byte> payload = stackalloc byte[8];
        for (var i = 0; i < data.Length / 2; i++)
        {
            if (!byte.TryParse(data.Slice(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out payload[i]))
            {
                reason = $"'{text}' has a byte that is not hex";
                return false;
            }
        }

        var extended = hash == 8;
        if (id > (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId))
        {
            reason = $"identifier {id:X} is too large";
            return false;
        }

        record = new CandumpRecord(timestamp, iface, CanFrame.FromBytes(id, payload[..(data.Length / 2)], extended));
        reason = string.Empty;
        return true;
    }

    /// <summary>The line candump writes for <paramref name="frame"/>: <c>(seconds.micros) INTERFACE ID#DATA</c>.</summary>
    public static string Format(CanFrame frame, DateTimeOffset time, string interfaceName)
    {
        var micros = (time - DateTimeOffset.UnixEpoch).Ticks / 10;
        var seconds = micros / 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"({seconds}.{micros % 1_000_000:D6}) {interfaceName} {frame}");
    }
}
