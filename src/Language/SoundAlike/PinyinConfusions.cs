namespace Car.Language.SoundAlike;

/// <summary>
/// Fuzzy keys of toneless pinyin syllables: two syllables a listener or recogniser may take for each other get
/// the same key. The key is the syllable rewritten to one representative of each merged pair:
/// <list type="bullet">
/// <item><see cref="PinyinConfusion.Retroflex"/>: a leading zh, ch or sh becomes z, c or s.</item>
/// <item><see cref="PinyinConfusion.NasalLateral"/>: a leading n becomes l (only as an initial: "n" and "ng" alone stay).</item>
/// <item><see cref="PinyinConfusion.LabialGlottal"/>: a leading f becomes h.</item>
/// <item><see cref="PinyinConfusion.NasalFinal"/>: a final ending in "ang", "eng" or "ing" loses its g, which also
/// merges iang/ian and uang/uan; "ong" and "iong" are left alone (there is no "on" to confuse them with).</item>
/// </list>
/// So with <see cref="PinyinConfusion.Default"/>, Fuzzy("chuang") == Fuzzy("cuan") == "cuan",
/// Fuzzy("zheng") == Fuzzy("zen"), Fuzzy("ning") == Fuzzy("lin") == "lin", Fuzzy("nv") == Fuzzy("lv"),
/// but Fuzzy("fu") != Fuzzy("hu") unless <see cref="PinyinConfusion.LabialGlottal"/> is asked for.
/// Syllables are expected in lower case without tones, ü written as v (as <see cref="PinyinTable.Readings"/> gives them).
/// </summary>
public static class PinyinConfusions
{
    public static string Fuzzy(string syllable, PinyinConfusion confusions = PinyinConfusion.Default)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        ReadOnlySpan<char> s = syllable;
        string? initial = null;
        if ((confusions & PinyinConfusion.Retroflex) != 0 && s.Length > 2 && s[1] == 'h' && s[0] is 'z' or 'c' or 's')
        {
            initial = s[0] switch { 'z' => "z", 'c' => "c", _ => "s" };
            s = s[2..];
        }
        else if ((confusions & PinyinConfusion.NasalLateral) != 0 && s.Length > 1 && s[0] == 'n' && s[1] != 'g')
        {
            initial = "l";
            s = s[1..];
        }
        else if ((confusions & PinyinConfusion.LabialGlottal) != 0 && s.Length > 1 && s[0] == 'f')
        {
            initial = "h";
            s = s[1..];
        }

        if ((confusions & PinyinConfusion.NasalFinal) != 0 && s.Length >= 3 && s[^1] == 'g' && s[^2] == 'n' && s[^3] is 'a' or 'e' or 'i')
        {
            s = s[..^1];
        }

        if (initial is null && s.Length == syllable.Length)
        {
            return syllable;
        }

        return string.Concat(initial, s);
    }
}
