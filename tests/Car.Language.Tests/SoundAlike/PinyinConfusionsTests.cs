using Car.Language.SoundAlike;

namespace Car.Language.Tests.SoundAlike;

public class PinyinConfusionsTests
{
    [Theory]
    [InlineData("chuang", "cuan")]
    [InlineData("chuang", "chuan")]
    [InlineData("zheng", "zen")]
    [InlineData("shi", "si")]
    [InlineData("ning", "lin")]
    [InlineData("nv", "lv")]
    [InlineData("xiang", "xian")]
    [InlineData("feng", "fen")]
    public void Fuzzy_ConfusedPair_SameKey(string a, string b)
    {
        Assert.Equal(PinyinConfusions.Fuzzy(a), PinyinConfusions.Fuzzy(b));
    }

    [Theory]
    [InlineData("fu", "hu")]
    [InlineData("kong", "ken")]
    [InlineData("zhi", "ji")]
    [InlineData("tiao", "diao")]
    [InlineData("ng", "n")]
    public void Fuzzy_DistinctSounds_DifferentKeys(string a, string b)
    {
        Assert.NotEqual(PinyinConfusions.Fuzzy(a), PinyinConfusions.Fuzzy(b));
    }

    [Fact]
    public void Fuzzy_LabialGlottalAskedFor_MergesFAndH()
    {
        const PinyinConfusion withFh = PinyinConfusion.Default | PinyinConfusion.LabialGlottal;

        Assert.Equal(PinyinConfusions.Fuzzy("fang", withFh), PinyinConfusions.Fuzzy("hang", withFh));
        Assert.Equal(PinyinConfusions.Fuzzy("fu", withFh), PinyinConfusions.Fuzzy("hu", withFh));
    }

    [Fact]
    public void Fuzzy_None_ReturnsSyllable()
    {
        Assert.Equal("chuang", PinyinConfusions.Fuzzy("chuang", PinyinConfusion.None));
    }
}
