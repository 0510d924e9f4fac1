using System.Buffers.Binary;

namespace Car.ModelWriting;

/// <summary>
/// One tensor: name, shape (ne[0] first, the row length), type, and random values drawn when written.
/// Q8_0 stores blocks of 32 values as a half-precision scale and 32 signed bytes.
/// </summary>
public sealed class GgufTensor(string name, IReadOnlyList<long> shape, GgmlType type, float scale, int seed, float offset = 0)
{
    private const int BlockSize = 32;

    public string Name { get; } = name;

    public IReadOnlyList<long> Shape { get; } = shape;

    public GgmlType Type { get; } = type;

    public long Elements => Shape.Aggregate(1L, (a, b) => a * b);

    public long ByteLength => Type switch
    {
        GgmlType.F32 => Elements * 4,
        GgmlType.F16 => Elements * 2,
        _ => Elements / BlockSize * 34,
    };

    public async Task WriteDataAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (Type == GgmlType.Q80 && Shape[0] % BlockSize != 0)
        {
            throw new InvalidOperationException($"{Name}: Q8_0 needs rows that are a multiple of {BlockSize}.");
        }

        var random = new Random(seed);
        const int chunkElements = BlockSize * 8192;
        var values = new float[chunkElements];
        var bytes = new byte[chunkElements * 4];
        for (long done = 0; done < Elements; done += chunkElements)
        {
            var count = (int)Math.Min(chunkElements, Elements - done);
            for (var i = 0; i < count; i++)
            {
                values[i] = offset + (scale * ((float)random.NextDouble() * 2 - 1));
            }

            var length = Encode(values.AsSpan(0, count), bytes);
            await stream.WriteAsync(bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
    }

    private int Encode(ReadOnlySpan<float> values, Span<byte> output)
    {
        switch (Type)
        {
            case GgmlType.F32:
                for (var i = 0; i < values.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(output[(i * 4)..], values[i]);
                }

                return values.Length * 4;
            case GgmlType.F16:
                for (var i = 0; i < values.Length; i++)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(output[(i * 2)..], (Half)values[i]);
                }

                return values.Length * 2;
            default:
                var written = 0;
                for (var block = 0; block < values.Length; block += BlockSize)
                {
                    var slice = values.Slice(block, BlockSize);
                    var max = 0f;
                    foreach (var v in slice)
                    {
                        max = Math.Max(max, Math.Abs(v));
                    }

                    var d = max / 127f;
                    BinaryPrimitives.WriteHalfLittleEndian(output[written..], (Half)d);
                    written += 2;
                    for (var i = 0; i < BlockSize; i++)
                    {
                        output[written++] = (byte)(sbyte)(d == 0 ? 0 : Math.Round(slice[i] / d));
                    }
                }

                return written;
        }
    }
}
