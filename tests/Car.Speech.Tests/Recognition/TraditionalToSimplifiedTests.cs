using Car.Speech.Recognition;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.Speech.Tests.Recognition;

public sealed class TraditionalToSimplifiedTests : IDisposable
{
    private readonly TraditionalToSimplified _converter = new(NullLogger<TraditionalToSimplified>.Instance);

    public void Dispose() => _converter.Dispose();

    [Theory]
    [InlineData("車窗打開，空調調到二十二度", "车窗打开，空调调到二十二度")]
    [InlineData("導航去機場", "导航去机场")]
    [InlineData("副駕駛座椅加熱開到三檔", "副驾驶座椅加热开到三档")]
    [InlineData("有点闷", "有点闷")]
    public void Convert_WhisperTraditionalOutput_BecomesSimplified(string traditional, string simplified)
    {
        Assert.True(_converter.IsAvailable);
        Assert.Equal(simplified, _converter.Convert(traditional));
    }

}
