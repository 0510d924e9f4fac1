using System.Text;

namespace Car.ModelWriting.Tests.Llm;

/// <summary>The GGUF files the project writes, read back as llama.cpp reads their header.</summary>
public sealed class GgufWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-gguf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WriteAsync_MetadataAndTensor_HeaderCountsAndAlignedData()
    {
        var path = Path.Combine(_directory, "one.gguf");
        var writer = new GgufWriter();
        writer.Add("general.architecture", "llama");
        writer.Add("llama.block_count", 1u);
        writer.AddTensor(new GgufTensor("token_embd.weight", [8, 4], GgmlType.F32, 0.02f, seed: 1));

        await writer.WriteAsync(path);

        using var reader = new BinaryReader(File.OpenRead(path));
        Assert.Equal("GGUF", Encoding.ASCII.GetString(reader.ReadBytes(4)));
        Assert.Equal(3u, reader.ReadUInt32());
        Assert.Equal(1ul, reader.ReadUInt64());
        Assert.Equal(2ul, reader.ReadUInt64());
        Assert.Equal("general.architecture", ReadString(reader));
        // 32 bytes of F32 data (8 × 4 values) after the aligned header: the file ends exactly there.
        Assert.Equal(0, (new FileInfo(path).Length - (8 * 4 * 4)) % GgufWriter.Alignment);
    }

    [Fact]
    public async Task RandomLlmWriter_TinyShape_CreatesTheDirectoryAndAVocabularyWithTheSeedCharacters()
    {
        var path = Path.Combine(_directory, "nested", TestModelFiles.Llm);

        await RandomLlmWriter.WriteAsync(LlmShape.Tiny, "打开车窗", path);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("GGUF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("窗", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    private static string ReadString(BinaryReader reader) => Encoding.UTF8.GetString(reader.ReadBytes((int)reader.ReadUInt64()));
}
