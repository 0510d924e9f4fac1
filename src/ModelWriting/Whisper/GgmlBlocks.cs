namespace Car.ModelWriting;

/// <summary>
/// ggml's block quantisations as whisper.cpp's quantize tool writes them (ggml's reference quantize_row_*): 32 values
/// per block, each block a scale (and for Q5_1 a minimum) in F16 followed by the packed values.
/// </summary>
internal static class GgmlBlocks
{
    public const int F32 = 0;
    public const int F16 = 1;
    public const int Q5_1 = 7;
    public const int Q8_0 = 8;
    public const int BlockSize = 32;
    public const int QuantizationVersionFactor = 1000;
    private const int QuantizationVersion = 2;

    /// <summary>The ggml tensor type of a matrix stored as <paramref name="weights"/>.</summary>
    public static int TypeOf(WhisperWeightType weights) => weights switch
    {
        WhisperWeightType.F16 => F16,
        WhisperWeightType.Q5_1 => Q5_1,
        WhisperWeightType.Q8_0 => Q8_0,
        _ => throw new ArgumentOutOfRangeException(nameof(weights), weights, "Not a weight type whisper.cpp loads."),
    };

    /// <summary>The file header's ftype: ggml's "mostly" file type, plus 1 000 × the quantisation version when quantised.</summary>
    public static int FileTypeOf(WhisperWeightType weights) => weights switch
    {
        WhisperWeightType.F16 => 1,
        WhisperWeightType.Q5_1 => 9 + (QuantizationVersion * QuantizationVersionFactor),
        WhisperWeightType.Q8_0 => 7 + (QuantizationVersion * QuantizationVersionFactor),
        _ => throw new ArgumentOutOfRangeException(nameof(weights), weights, "Not a weight type whisper.cpp loads."),
    };

    /// <summary>How many bytes <paramref name="count"/> values of ggml type <paramref name="type"/> take; null for a type this writer does not know or values that do not fill its blocks.</summary>
    public static long? BytesOf(int type, long count) => type switch
    {
        F32 => count * sizeof(float),
        F16 => count * 2,
        Q5_1 when count % BlockSize == 0 => count / BlockSize * 24,
        Q8_0 when count % BlockSize == 0 => count / BlockSize * 34,
        _ => null,
    };

    /// <summary>Writes <paramref name="count"/> values from <paramref name="next"/> as blocks of ggml type <paramref name="type"/>.</summary>
    public static void Write(BinaryWriter writer, int type, long count, Func<float> next)
    {
        if (count % BlockSize != 0)
        {
            throw new ArgumentException($"{count} values do not fill blocks of {BlockSize}.", nameof(count));
        }

        Span<float> block = stackalloc float[BlockSize];
        for (long written = 0; written < count; written += BlockSize)
        {
            for (var i = 0; i < BlockSize; i++)
            {
                block[i] = next();
            }

            switch (type)
            {
                case Q8_0:
                    WriteQ8_0(writer, block);
                    break;
                case Q5_1:
                    WriteQ5_1(writer, block);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(type), type, "Not a block type this writer knows.");
            }
        }
    }

    private static void WriteQ8_0(BinaryWriter writer, ReadOnlySpan<float> block)
    {
        var largest = 0f;
        foreach (var value in block)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        var scale = largest / 127;
        var inverse = scale == 0 ? 0 : 1 / scale;
        writer.Write((Half)scale);
        foreach (var value in block)
        {
            writer.Write((sbyte)MathF.Round(value * inverse));
        }
    }

    private static void WriteQ5_1(BinaryWriter writer, ReadOnlySpan<float> block)
    {
        float low = float.MaxValue, high = float.MinValue;
        foreach (var value in block)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        var scale = (high - low) / 31;
        var inverse = scale == 0 ? 0 : 1 / scale;
        writer.Write((Half)scale);
        writer.Write((Half)low);
        Span<byte> packed = stackalloc byte[BlockSize / 2];
        uint highBits = 0;
        for (var j = 0; j < BlockSize / 2; j++)
        {
            var first = (byte)(((block[j] - low) * inverse) + 0.5f);
            var second = (byte)(((block[j + (BlockSize / 2)] - low) * inverse) + 0.5f);
            packed[j] = (byte)((first & 0x0F) | ((second & 0x0F) << 4));
            highBits |= (uint)((first & 0x10) >> 4) << j;
            highBits |= (uint)((second & 0x10) >> 4) << (j + (BlockSize / 2));
        }

        writer.Write(highBits);
        writer.Write(packed);
    }
}
