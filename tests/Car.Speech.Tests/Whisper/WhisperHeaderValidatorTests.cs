using System.Buffers.Binary;
using Car.Speech.Whisper;
using Car.Testing;

namespace Car.Speech.Tests.Whisper;

public sealed class WhisperHeaderValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-asr-headers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Validate_TheTestModel_Passes()
    {
        WhisperHeaderValidator.Validate(TestWhisperModel.Path);
    }

    [Theory]
    [InlineData(0, 0, "n_vocab 0 (1–100000 are supported)")]
    [InlineData(0, int.MaxValue, "n_vocab 2147483647")]
    [InlineData(1, -1, "n_audio_ctx -1")]
    [InlineData(2, 1 << 30, "n_audio_state 1073741824")]
    [InlineData(3, 0, "n_audio_head 0")]
    [InlineData(4, 65, "n_audio_layer 65 (1–64 are supported)")]
    [InlineData(5, 100_000, "n_text_ctx 100000")]
    [InlineData(7, 3, "a width (64, 64) that its heads (2, 3) do not divide")]
    [InlineData(8, int.MinValue, "n_text_layer -2147483648")]
    [InlineData(9, 81, "n_mels 81 (80 or 128 are supported)")]
    [InlineData(10, 999, "ftype 999 (not a ggml type)")]
    [InlineData(10, -1, "ftype -1")]
    public void FromPath_AbsurdHyperparameter_NamesIt(int index, int value, string expected)
    {
        var bytes = File.ReadAllBytes(TestWhisperModel.Path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 + (4 * index)), value);

        var error = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(Write(bytes)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a usable Whisper model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(47)]
    public void FromPath_CutInsideTheHyperparameters_SaysTruncated(int length)
    {
        var bytes = File.ReadAllBytes(TestWhisperModel.Path)[..length];

        var error = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(Write(bytes)));

        Assert.Contains("is truncated in its", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPath_MelFiltersLargerThanTheFile_IsRejected()
    {
        var bytes = File.ReadAllBytes(TestWhisperModel.Path)[..4096];

        var error = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(Write(bytes)));

        Assert.Contains("truncated in its mel filters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPath_VocabularyWordLongerThanTheFile_IsRejected()
    {
        var bytes = File.ReadAllBytes(TestWhisperModel.Path);
        var bins = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(52));
        var firstWord = 56 + (80 * bins * sizeof(float)) + 4;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(firstWord), 0xFFFFFFF0);

        var error = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(Write(bytes)));

        Assert.Contains("truncated in its vocabulary", error.Message, StringComparison.Ordinal);
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
