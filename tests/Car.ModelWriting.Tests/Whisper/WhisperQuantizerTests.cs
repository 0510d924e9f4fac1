using System.Buffers.Binary;

namespace Car.ModelWriting.Tests.Whisper;

/// <summary>
/// A published (F16) Whisper file made into the quantised one a bundle carries: the matrices become ggml blocks that
/// hold the same weights to within a rounding step, everything else is copied byte for byte, and a damaged input leaves
/// no file behind.
/// </summary>
public sealed class WhisperQuantizerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-whisper-quantizer-").FullName;
    private readonly string _published;
    private readonly string _quantized;

    public WhisperQuantizerTests()
    {
        _published = Path.Combine(_directory, "ggml-test.bin");
        _quantized = Path.Combine(_directory, "ggml-test-q8_0.bin");
        RandomWhisperWriter.WriteAsync(WhisperShape.Test, "车窗空调", _published).GetAwaiter().GetResult();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task QuantizeAsync_PublishedFile_MatricesBecomeQ8BlocksOfTheSameWeights()
    {
        var done = await WhisperQuantizer.QuantizeAsync(_published, _quantized, WhisperWeightType.Q8_0);

        var before = ReadAll(_published, out var publishedType);
        var after = ReadAll(_quantized, out var quantizedType);
        Assert.Equal(1, publishedType);
        Assert.Equal(2007, quantizedType); // ggml's "mostly Q8_0" file type is 7, plus 1 000 × quantisation version 2
        Assert.Equal(before.Select(t => (t.Tensor.Name, string.Join('x', t.Tensor.Shape))), after.Select(t => (t.Tensor.Name, string.Join('x', t.Tensor.Shape))));
        var matrices = 0;
        foreach (var ((tensor, data), (converted, blocks)) in before.Zip(after))
        {
            if (converted.Type != GgmlBlocks.Q8_0)
            {
                Assert.Equal(tensor.Type, converted.Type);
                Assert.Equal(data, blocks);
                continue;
            }

            matrices++;
            Assert.Equal(GgmlBlocks.F16, tensor.Type);
            AssertSameWeights(tensor.Name, data, blocks);
        }

        // The test shape has one encoder layer (6 matrices), one decoder layer (10) and the token embedding.
        Assert.Equal(17, matrices);
        Assert.Equal(matrices, done.Matrices);
        Assert.Equal(new FileInfo(_quantized).Length, done.DestinationBytes);
        Assert.True(done.DestinationBytes < done.SourceBytes * 0.65, $"{done.DestinationBytes} of {done.SourceBytes} bytes");
    }

    [Fact]
    public async Task QuantizeAsync_TruncatedFile_SaysWhereAndWritesNothing()
    {
        var truncated = Path.Combine(_directory, "truncated.bin");
        var bytes = await File.ReadAllBytesAsync(_published);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length - 1000)]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => WhisperQuantizer.QuantizeAsync(truncated, _quantized, WhisperWeightType.Q8_0));

        Assert.Contains("truncated in tensor 'decoder.blocks.0.mlp.2", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "ggml-test-q8_0.bin*"));
    }

    [Fact]
    public async Task QuantizeAsync_TensorShapeLargerThanTheFile_SaysTruncatedAndWritesNothing()
    {
        var crafted = Path.Combine(_directory, "crafted.bin");
        var bytes = await File.ReadAllBytesAsync(_published);
        long firstTensor;
        using (var stream = new MemoryStream(bytes))
        {
            firstTensor = new WhisperFileReader(stream, crafted).ReadPreamble().Length;
        }

        // The first tensor's header: dimension count, name length, type, then its two dimensions.
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)firstTensor + 12), int.MaxValue);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)firstTensor + 16), int.MaxValue);
        await File.WriteAllBytesAsync(crafted, bytes);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => WhisperQuantizer.QuantizeAsync(crafted, _quantized, WhisperWeightType.Q8_0));

        Assert.Contains("truncated in tensor 'encoder.positional_embedding'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "ggml-test-q8_0.bin*"));
    }

    [Fact]
    public async Task QuantizeAsync_AlreadyQuantised_AsksForThePublishedFile()
    {
        await WhisperQuantizer.QuantizeAsync(_published, _quantized, WhisperWeightType.Q8_0);
        var again = Path.Combine(_directory, "again.bin");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => WhisperQuantizer.QuantizeAsync(_quantized, again, WhisperWeightType.Q5_1));

        Assert.Contains("already quantised", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(again));
    }

    [Fact]
    public async Task QuantizeAsync_NotAModel_SaysSoAndKeepsTheOldFile()
    {
        var text = Path.Combine(_directory, "notes.txt");
        await File.WriteAllTextAsync(text, "打开车窗");
        await File.WriteAllTextAsync(_quantized, "the file a bundle carries today");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => WhisperQuantizer.QuantizeAsync(text, _quantized, WhisperWeightType.Q8_0));

        Assert.Contains("not a whisper.cpp (ggml) model file", error.Message, StringComparison.Ordinal);
        Assert.Equal("the file a bundle carries today", await File.ReadAllTextAsync(_quantized));
    }

    [Fact]
    public async Task QuantizeAsync_Cancelled_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WhisperQuantizer.QuantizeAsync(_published, _quantized, WhisperWeightType.Q8_0, cancelled.Token));

        Assert.Empty(Directory.GetFiles(_directory, "ggml-test-q8_0.bin*"));
    }

    /// <summary>Each Q8_0 block (an F16 scale, 32 signed bytes) gives back the F16 weights to within half a step.</summary>
    private static void AssertSameWeights(string name, byte[] published, byte[] blocks)
    {
        const int blockBytes = 34;
        Assert.Equal(published.Length / 2 / GgmlBlocks.BlockSize * blockBytes, blocks.Length);
        for (var block = 0; block * blockBytes < blocks.Length; block++)
        {
            var scale = (float)BinaryPrimitives.ReadHalfLittleEndian(blocks.AsSpan(block * blockBytes));
            for (var i = 0; i < GgmlBlocks.BlockSize; i++)
            {
                var index = (block * GgmlBlocks.BlockSize) + i;
                var weight = (float)BinaryPrimitives.ReadHalfLittleEndian(published.AsSpan(index * 2));
                var restored = scale * (sbyte)blocks[(block * blockBytes) + 2 + i];
                Assert.True(Math.Abs(weight - restored) <= (scale * 0.5f) + (Math.Abs(weight) * 0.002f), $"{name}[{index}]: {weight} came back as {restored}");
            }
        }
    }

    private static List<(WhisperTensor Tensor, byte[] Data)> ReadAll(string path, out int fileType)
    {
        using var stream = File.OpenRead(path);
        var reader = new WhisperFileReader(stream, path);
        fileType = reader.ReadPreamble().FileType;
        var tensors = new List<(WhisperTensor, byte[])>();
        while (reader.ReadTensorHeader() is { } tensor)
        {
            tensors.Add((tensor, reader.ReadData(tensor)));
        }

        return tensors;
    }
}
