namespace Car.Language.SoundAlike;

/// <summary>Pairs of sounds that speakers and recognisers confuse, merged by <see cref="PinyinConfusions.Fuzzy"/>.</summary>
[Flags]
public enum PinyinConfusion
{
    None = 0,

    /// <summary>Flat and retroflex initials: z/zh, c/ch, s/sh (zhi = zi, chuan = cuan, shi = si).</summary>
    Retroflex = 1,

    /// <summary>The initials n and l (nan = lan, nv = lv).</summary>
    NasalLateral = 2,

    /// <summary>
    /// Front and back nasal finals: an/ang, en/eng, in/ing, and with them ian/iang and uan/uang
    /// (chuang = chuan, jing = jin, feng = fen). ong, iong and the other finals stay apart.
    /// </summary>
    NasalFinal = 4,

    /// <summary>The initials f and h (fu = hu, fei = hei, fang = hang): southern speech; off by default.</summary>
    LabialGlottal = 8,

    /// <summary>What <see cref="SoundAlikeMatcher"/> uses unless told otherwise: all but f/h.</summary>
    Default = Retroflex | NasalLateral | NasalFinal,
}
