using System.Buffers.Binary;
using System.Text;

namespace Car.ModelWriting;

/// <summary>
/// Turns a published whisper.cpp model (F16 or F32, as ggml-base.bin) into a quantised one (ggml-base-q8_0.bin), as
/// whisper.cpp's quantize tool does, so that a bundle can carry the faster file: every two-dimensional matrix becomes
/// ggml blocks; the convolutions, biases, norms and positional embeddings stay as they are. The file is written beside
/// the destination and moved into place only when complete, so a damaged input or a cancelled run leaves no file.
/// </summary>
public static class WhisperQuantizer
{
    /// <summary>Two-dimensional tensors whisper.cpp's quantize tool leaves alone: too short a row, or positions.</summary>
    private static readonly string[] KeptAsTheyAre =
        ["encoder.conv1.bias", "encoder.conv2.bias", "encoder.positional_embedding", "decoder.positional_embedding"];

    /// <summary>Writes <paramref name="destination"/> with the matrices of <paramref name="source"/> stored as <paramref name="weights"/>.</summary>
    /// <exception cref="InvalidDataException">The source is not a whisper.cpp model, is damaged, or is already quantised.</exception>
    public static async Task<WhisperQuantization> QuantizeAsync(
        string source, string destination, WhisperWeightType weights, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        if (weights == WhisperWeightType.F16)
        {
            throw new ArgumentException("Quantising means a block type: Q8_0 or Q5_1.", nameof(weights));
        }

        var partial = destination + ".partial";
        try
        {
            var quantized = await Task.Run(() => Write(source, partial, GgmlBlocks.TypeOf(weights), GgmlBlocks.FileTypeOf(weights), cancellationToken), cancellationToken).ConfigureAwait(false);
            File.Move(partial, destination, overwrite: true);
            return new WhisperQuantization(quantized, new FileInfo(source).Length, new FileInfo(destination).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static int Write(string source, string destination, int blockType, int fileType, CancellationToken cancellationToken)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var reader = new WhisperFileReader(input, source);
        var preamble = reader.ReadPreamble();
        if (preamble.FileType % GgmlBlocks.QuantizationVersionFactor is not (GgmlBlocks.F32 or GgmlBlocks.F16))
        {
            throw new InvalidDataException($"'{source}' is already quantised (file type {preamble.FileType}): quantise the F16 or F32 file it was made from.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        using var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        CopyPreamble(input, writer, preamble.Length, fileType);
        var quantized = 0;
        while (reader.ReadTensorHeader() is { } tensor)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = reader.ReadData(tensor);
            var quantize = tensor.Shape.Count == 2 && tensor.Type is GgmlBlocks.F32 or GgmlBlocks.F16 && !KeptAsTheyAre.Contains(tensor.Name);
            if (quantize && tensor.Shape[0] % GgmlBlocks.BlockSize != 0)
            {
                throw new InvalidDataException($"'{source}': the rows of '{tensor.Name}' have {tensor.Shape[0]} values, not a multiple of {GgmlBlocks.BlockSize}.");
            }

            WriteTensorHeader(writer, tensor, quantize ? blockType : tensor.Type);
            if (!quantize)
            {
                writer.Write(data);
                continue;
            }

            var index = 0;
            var half = tensor.Type == GgmlBlocks.F16;
            GgmlBlocks.Write(writer, blockType, tensor.Count, () =>
            {
                var value = half
                    ? (float)BinaryPrimitives.ReadHalfLittleEndian(data.AsSpan(index * 2))
                    : BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(index * sizeof(float)));
                index++;
                return value;
            });
            quantized++;
        }

        return quantized;
    }

    /// <summary>Copies everything before the first tensor, with the new file type in the header.</summary>
    private static void CopyPreamble(FileStream input, BinaryWriter writer, long length, int fileType)
    {
        var end = input.Position;
        input.Position = 0;
        var preamble = new byte[length];
        input.ReadExactly(preamble);
        BinaryPrimitives.WriteInt32LittleEndian(preamble.AsSpan(WhisperFileReader.FileTypeOffset), fileType);
        writer.Write(preamble);
        input.Position = end;
    }

    private static void WriteTensorHeader(BinaryWriter writer, WhisperTensor tensor, int type)
    {
        var name = Encoding.UTF8.GetBytes(tensor.Name);
        writer.Write(tensor.Shape.Count);
        writer.Write(name.Length);
        writer.Write(type);
        foreach (var dimension in tensor.Shape)
        {
            writer.Write(dimension);
        }

        writer.Write(name);
    }
}
