using Car.Testing;

namespace Car.Language.Tests.Language;

public class TextNormalizerTests
{
    private readonly TextNormalizer _normalizer = new(TestModel.Model.Lexicon);

    [Theory]
    [InlineData("ＡＣ打开", "ac打开")]
    [InlineData("空调调到２２度", "空调调到22度")]
    [InlineData("小车小车，打开天窗", "打开天窗")]
    [InlineData("你好小车 关窗", "关窗")]
    [InlineData("車窗打開", "车窗打开")]
    [InlineData("打开车床", "打开车窗")]
    [InlineData("  关窗  ", "关窗")]
    public void Normalize_MapsToLexiconForm(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("打开天窗小车你好", "打开天窗")]
    [InlineData("打电话给小车", "打电话给小车")]
    [InlineData("你好星仔打开天窗", "你好星仔打开天窗")]
    public void Normalize_WakePhraseAtTheEnd_DroppedOnlyWhenItGreets(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("你好星仔，打开天窗", "打开天窗")]
    [InlineData("星仔星仔打开天窗", "打开天窗")]
    [InlineData("打开天窗星仔你好", "打开天窗")]
    [InlineData("打电话给星仔", "打电话给星仔")]
    [InlineData("小车你好关窗", "关窗")]
    public void Normalize_AssistantRenamed_ItsWakePhrasesDroppedToo(string input, string expected)
    {
        var renamed = new TextNormalizer(TestModel.Model.Lexicon, ["星仔"]);

        Assert.Equal(expected, renamed.Normalize(input));
    }

    [Theory]
    [InlineData("打开\u0000车窗")]
    [InlineData("打开😀车窗")]
    [InlineData("打开\uFFFD车窗")]
    public void Normalize_UnreadableCharacters_BecomeSpaces(string input)
    {
        Assert.Equal("打开 车窗", _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("打开\u200B车窗")]
    [InlineData("打开\u200C车窗")]
    [InlineData("打开\u200D车窗")]
    [InlineData("打开\u2060车窗")]
    [InlineData("\uFEFF打开车窗")]
    [InlineData("打开\u00AD车窗")]
    [InlineData("打开\u200E车\u200F窗")]
    [InlineData("\u202A打开\u202B车\u202C窗\u202D\u202E")]
    public void Normalize_InvisibleCharacters_AreRemovedWithoutASpace(string input)
    {
        Assert.Equal("打开车窗", _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("<b>空调</b>打开", "空调打开")]
    [InlineData("<font size=18>空调调到</font>22度", "空调调到22度")]
    [InlineData("[18]空调调到22度", "空调调到22度")]
    [InlineData("温度<20", "温度<20")]
    public void Normalize_Markup_IsRemoved(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_Nothing_GivesEmpty(string? input)
    {
        Assert.Equal(string.Empty, _normalizer.Normalize(input));
    }
}
