using System.Text;
using Car.ModelWriting;

namespace Car.Llama.Tests;

public sealed class GgufHeaderValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-gguf-headers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(0u)]
    [InlineData(10_001u)]
    [InlineData(0xFFFFFFFFu)]
    public async Task LoadFromFile_ImpossibleBlockCount_IsRejectedBeforeLlamaCpp(uint blocks)
    {
        var path = Path.Combine(_directory, $"blocks-{blocks}.gguf");
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "llama");
        gguf.Add("llama.block_count", blocks);
        gguf.Add("llama.context_length", 64u);
        gguf.AddTensor(new GgufTensor("token_embd.weight", [32, 8], GgmlType.F32, 0.1f, 1));
        await gguf.WriteAsync(path);

        var error = Assert.Throws<LlmException>(() => LlamaWeights.LoadFromFile(path));

        Assert.Equal($"'{path}' is not a usable GGUF model: block_count {blocks} (1–10000 are supported).", error.Message);
    }

    [Fact]
    public void Validate_TheTinyModel_Passes()
    {
        GgufHeaderValidator.Validate(Car.Testing.TinyModel.Path);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(4u)]
    [InlineData(0xFFFFFFFFu)]
    public void Validate_UnknownVersion_NamesIt(uint version)
    {
        var error = Validate(w => Header(w, version, 0, 0));

        Assert.Contains($"GGUF version {version} (2 or 3 are supported)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1UL << 20)]
    [InlineData(1_000UL)]
    [InlineData(ulong.MaxValue)]
    public void Validate_TensorCountBeyondTheFile_IsRejected(ulong count)
    {
        var error = Validate(w => Header(w, 3, count, 0));

        Assert.Contains($"tensor count {count} does not fit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000UL)]
    [InlineData(ulong.MaxValue)]
    public void Validate_MetadataCountBeyondTheFile_IsRejected(ulong count)
    {
        var error = Validate(w => Header(w, 3, 0, count));

        Assert.Contains($"metadata count {count} does not fit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x7FFFFFF0UL)]
    [InlineData(ulong.MaxValue)]
    public void Validate_KeyLongerThanTheFile_IsRejected(ulong length)
    {
        var error = Validate(w =>
        {
            Header(w, 3, 0, 1);
            w.Write(length);
            w.Write(new byte[32]);
        });

        Assert.Contains($"metadata key claims {length} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StringValueLongerThanTheFile_IsRejected()
    {
        var error = Validate(w =>
        {
            Header(w, 3, 0, 1);
            Name(w, "general.name");
            w.Write(8u);
            w.Write(0xFFFFFFFFUL);
            w.Write(new byte[16]);
        });

        Assert.Contains("general.name claims 4294967295 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8u)]
    [InlineData(5u)]
    public void Validate_ArrayCountBeyondTheFile_IsRejected(uint elementType)
    {
        var error = Validate(w =>
        {
            Header(w, 3, 0, 1);
            Name(w, "tokenizer.ggml.tokens");
            w.Write(9u);
            w.Write(elementType);
            w.Write(0x7FFFFFFFFFFFFFFFUL);
            w.Write(new byte[16]);
        });

        Assert.Contains("tokenizer.ggml.tokens claims 9223372036854775807", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownValueType_IsRejected()
    {
        var error = Validate(w =>
        {
            Header(w, 3, 0, 1);
            Name(w, "general.thing");
            w.Write(77u);
            w.Write(new byte[16]);
        });

        Assert.Contains("general.thing has unknown type 77", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CutInsideTheMetadata_SaysTruncated()
    {
        var error = Validate(w =>
        {
            Header(w, 3, 0, 2);
            Name(w, "general.alignment");
            w.Write(4u);
            w.Write(32u);
            Name(w, "general.file_type");
            w.Write(4u);
            w.Write((ushort)1);
        });

        Assert.Contains("truncated at general.file_type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TensorWithTooManyDimensions_IsRejected()
    {
        var error = Validate(w =>
        {
            Header(w, 3, 1, 0);
            Name(w, "token_embd.weight");
            w.Write(1000u);
            w.Write(new byte[64]);
        });

        Assert.Contains("tensor token_embd.weight has 1000 dimensions", error.Message, StringComparison.Ordinal);
    }

    private static void Header(BinaryWriter writer, uint version, ulong tensors, ulong entries)
    {
        writer.Write("GGUF"u8);
        writer.Write(version);
        writer.Write(tensors);
        writer.Write(entries);
    }

    private static void Name(BinaryWriter writer, string name)
    {
        writer.Write((ulong)Encoding.UTF8.GetByteCount(name));
        writer.Write(Encoding.UTF8.GetBytes(name));
    }

    private LlmException Validate(Action<BinaryWriter> write)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.gguf");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            write(writer);
        }

        return Assert.Throws<LlmException>(() => LlamaWeights.LoadFromFile(path));
    }
}
