namespace Car.Language.SoundAlike;

/// <summary>How freely <see cref="SoundAlikeMatcher"/> takes a span for a misheard domain word.</summary>
public sealed class SoundAlikeOptions
{
    /// <summary>The sound pairs taken for each other; by default all but f/h.</summary>
    public PinyinConfusion Confusions { get; set; } = PinyinConfusion.Default;

    /// <summary>
    /// A span that is itself a word of the pinyin table at least this frequent is taken as meant, not misheard
    /// (实情, 3.7e-10, stays; 车床, 5.8e-11, becomes 车窗; 稳度, 3e-12, becomes 温度). 0 keeps every word the table
    /// knows; <see cref="double.PositiveInfinity"/> keeps none. The default, 1e-10, is about a fifth of 空调's frequency.
    /// </summary>
    public double KeptWordFrequency { get; set; } = 1e-10;
}
