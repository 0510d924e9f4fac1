using Car.Speech.Recognition;
using Car.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>What Whisper writes (often Traditional characters) reaches the parser as the words a driver meant.</summary>
public sealed class SpokenTextTests : IDisposable
{
    private readonly TraditionalToSimplified _converter = new(NullLogger<TraditionalToSimplified>.Instance);

    public void Dispose() => _converter.Dispose();

    [Fact]
    public void Convert_ThenParse_GivesTheIntent()
    {
        var parsed = TestModel.Parse(_converter.Convert("把遮陽簾拉開"));

        Assert.Equal("sunshade.open", parsed);
    }
}
