
namespace Car.Language.Tests.Language;

public class ChineseNumberScannerTests
{
    [Theory]
    [InlineData("二十二", 22)]
    [InlineData("十二", 12)]
    [InlineData("十", 10)]
    [InlineData("两", 2)]
    [InlineData("一百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("二十二点五", 22.5)]
    [InlineData("22", 22)]
    [InlineData("22.5", 22.5)]
    [InlineData("零", 0)]
    [InlineData("一万", 10000)]
    [InlineData("两万五", 25000)]
    [InlineData("一万零五", 10005)]
    [InlineData("十万", 100000)]
    [InlineData("九亿九千万", 990000000)]
    [InlineData("一百五", 150)]
    public void Scan_Cardinal_ReadsValue(string text, double expected)
    {
        var length = ChineseNumberScanner.Scan(text, 0, out var value, out var form);

        Assert.Equal(text.Length, length);
        Assert.Equal(expected, value);
        Assert.Equal(NumberForm.Plain, form);
    }

    [Theory]
    [InlineData("百分之三十", 30)]
    [InlineData("三分之一", 33)]
    [InlineData("三分之二", 67)]
    [InlineData("四分之一", 25)]
    public void Scan_PercentForms_GivePercent(string text, double expected)
    {
        ChineseNumberScanner.Scan(text, 0, out var value, out var form);

        Assert.Equal(expected, value);
        Assert.Equal(NumberForm.Percent, form);
    }

    [Theory]
    [InlineData("度")]
    [InlineData("点")]
    [InlineData("百分之")]
    public void Scan_NoNumberAtStart_ReturnsZero(string text)
    {
        Assert.Equal(0, ChineseNumberScanner.Scan(text, 0, out _, out _));
    }

    [Fact]
    public void Scan_PointWithoutDigitAfter_StopsBeforeIt()
    {
        Assert.Equal(1, ChineseNumberScanner.Scan("一点", 0, out var value, out _));
        Assert.Equal(1, value);
    }

    [Theory]
    [InlineData("负五", -5)]
    [InlineData("零下四十", -40)]
    [InlineData("-5", -5)]
    [InlineData("\u22125", -5)]
    [InlineData("负二十二点五", -22.5)]
    public void Scan_NegativeSign_GivesNegativeValue(string text, double expected)
    {
        var length = ChineseNumberScanner.Scan(text, 0, out var value, out _);

        Assert.Equal(text.Length, length);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("负")]
    [InlineData("零下")]
    [InlineData("-")]
    public void Scan_SignWithoutNumber_IsNoNumber(string text)
    {
        Assert.Equal(0, ChineseNumberScanner.Scan(text, 0, out _, out _));
    }
}
