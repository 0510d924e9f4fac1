using System.Text.RegularExpressions;

namespace Car.Speech.Capture;

/// <summary>
/// Turns what arecord or aplay print on a failure (ALSA's configuration dump, then the program's own line) into the one
/// line that says what went wrong, e.g. "audio open error: No such file or directory".
/// </summary>
public static partial class AlsaErrors
{
    public static string Summarize(string errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var own = lines.LastOrDefault(l => !l.StartsWith("ALSA lib ", StringComparison.Ordinal)) ?? lines.LastOrDefault();
        return own is null ? "no message" : ProgramPrefix().Replace(own, string.Empty);
    }

    /// <summary>"arecord: main:831: " before the message.</summary>
    [GeneratedRegex(@"^[\w.-]+: (\w+:\d+: )?")]
    private static partial Regex ProgramPrefix();
}
