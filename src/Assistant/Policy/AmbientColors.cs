using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Car.Assistant.Policy;

/// <summary>
/// The colour words the language data knows, as the <c>#RRGGBB</c> code that VSS's ambient light colour takes.
/// A word is looked up with or without its 色 (红 and 红色 are the same colour).
/// </summary>
public static class AmbientColors
{
    private static readonly FrozenDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["红"] = "#FF0000",
        ["橙"] = "#FF8000",
        ["黄"] = "#FFD000",
        ["绿"] = "#00C000",
        ["青"] = "#00C0C0",
        ["蓝"] = "#0040FF",
        ["天蓝"] = "#60B0FF",
        ["冰蓝"] = "#A0E0FF",
        ["紫"] = "#8000FF",
        ["粉"] = "#FF80C0",
        ["粉红"] = "#FF70A0",
        ["玫红"] = "#E0106E",
        ["金"] = "#FFC040",
        ["白"] = "#FFFFFF",
        ["暖白"] = "#FFE8C8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Finds the code of a colour word and the colour's name for a reply (蓝 → 蓝色, #0040FF).</summary>
    public static bool TryFind(string word, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out string? code)
    {
        ArgumentNullException.ThrowIfNull(word);
        var colour = word.EndsWith('色') ? word[..^1] : word;
        if (Codes.TryGetValue(colour, out code))
        {
            name = colour + "色";
            return true;
        }

        name = null;
        return false;
    }
}
