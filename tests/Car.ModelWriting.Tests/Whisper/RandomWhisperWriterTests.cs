
namespace Car.ModelWriting.Tests.Whisper;

/// <summary>The whisper.cpp model files the project writes: ggml magic and the shape's hyperparameters.</summary>
public sealed class RandomWhisperWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-whisper-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WriteAsync_TestShape_HeaderCarriesTheShape()
    {
        var path = Path.Combine(_directory, TestModelFiles.Whisper);

        await RandomWhisperWriter.WriteAsync(WhisperShape.Test, "车窗", path);

        using var reader = new BinaryReader(File.OpenRead(path));
        Assert.Equal(0x67676d6cu, reader.ReadUInt32());
        var header = Enumerable.Range(0, 11).Select(_ => reader.ReadInt32()).ToArray();
        Assert.Equal(
            [WhisperShape.Vocab, WhisperShape.AudioContext, 64, 2, 1, WhisperShape.TextContext, 64, 2, 1, WhisperShape.Mels, 1],
            header);
    }
}
