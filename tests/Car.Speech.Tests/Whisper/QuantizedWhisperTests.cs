using Car.ModelWriting;
using Car.Speech.Whisper;
using Car.Testing;

namespace Car.Speech.Tests.Whisper;

/// <summary>
/// Whisper files whose matrices are quantised as whisper.cpp's quantize tool leaves them (the smaller, faster files
/// a car is likely to carry), written directly or made from the published file by Car's quantizer: they load through
/// the header check and transcribe, prompt included.
/// </summary>
public sealed class QuantizedWhisperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-whisper-quantized-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(WhisperWeightType.Q8_0)]
    [InlineData(WhisperWeightType.Q5_1)]
    public async Task QuantizedModel_LoadsAndTranscribesWithThePrompt(WhisperWeightType weights)
    {
        var path = Path.Combine(_directory, $"whisper-{weights}.bin");
        await RandomWhisperWriter.WriteAsync(WhisperShape.Test, weights, "车窗空调导航", path);

        await AssertTranscribesWithThePromptAsync(path);
    }

    [Fact]
    public async Task PublishedModelQuantisedByCar_LoadsAndTranscribes()
    {
        var published = Path.Combine(_directory, "ggml-test.bin");
        var quantized = Path.Combine(_directory, "ggml-test-q8_0.bin");
        await RandomWhisperWriter.WriteAsync(WhisperShape.Test, "车窗空调导航", published);
        await WhisperQuantizer.QuantizeAsync(published, quantized, WhisperWeightType.Q8_0);

        await AssertTranscribesWithThePromptAsync(quantized);
    }

    [Fact]
    public async Task QuantizedModel_IsSmallerThanTheF16One()
    {
        var f16 = Path.Combine(_directory, "f16.bin");
        var q8 = Path.Combine(_directory, "q8.bin");

        await RandomWhisperWriter.WriteAsync(WhisperShape.Test, "车窗", f16);
        await RandomWhisperWriter.WriteAsync(WhisperShape.Test, WhisperWeightType.Q8_0, "车窗", q8);

        // The token embedding dominates the test shape: 2 bytes a weight against 34 bytes per 32 (0.53), while the F32
        // positional embeddings and the vocabulary stay as they are.
        Assert.InRange(new FileInfo(q8).Length, new FileInfo(f16).Length * 0.55, new FileInfo(f16).Length * 0.65);
    }

    /// <summary>whisper.cpp loads the file and decodes a pass with the car prompt, stopping within the token cap.</summary>
    private static async Task AssertTranscribesWithThePromptAsync(string path)
    {
        using var whisper = WhisperFactory.FromPath(path);
        using var processor = whisper.CreateBuilder().WithPrompt("车窗 空调 导航").WithMaxTokens(8).WithoutTemperatureFallback().Build();

        var transcript = await processor.ProcessAsync(TestAudio.Tone(300, 16_000, 1.5));

        Assert.InRange(transcript.Tokens, 1, 9);
        Assert.InRange(transcript.Confidence, 0, 1);
    }
}
