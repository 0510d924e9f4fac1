using System.Buffers.Binary;
using System.Text;

namespace Car.Assistant.Llm.ModelWriting;

/// <summary>
/// Writes a GGUF v3 file: header, metadata, tensor infos, then tensor data aligned to 32 bytes. Tensors are added
/// as producers that write their bytes when the file is written, so multi-gigabyte models stream to disk.
/// </summary>
public sealed class GgufWriter
{
    public const int Alignment = 32;

    private readonly List<(string Key, GgufValueType Type, object Value)> _metadata = [];
    private readonly List<GgufTensor> _tensors = [];

    public void Add(string key, string value) => _metadata.Add((key, GgufValueType.String, value));

    public void Add(string key, uint value) => _metadata.Add((key, GgufValueType.UInt32, value));

    public void Add(string key, int value) => _metadata.Add((key, GgufValueType.Int32, value));

    public void Add(string key, float value) => _metadata.Add((key, GgufValueType.Float32, value));

    public void Add(string key, bool value) => _metadata.Add((key, GgufValueType.Bool, value));

    public void Add(string key, IReadOnlyList<string> values) => _metadata.Add((key, GgufValueType.Array, values));

    public void Add(string key, IReadOnlyList<float> values) => _metadata.Add((key, GgufValueType.Array, values));

    public void Add(string key, IReadOnlyList<int> values) => _metadata.Add((key, GgufValueType.Array, values));

    public void AddTensor(GgufTensor tensor) => _tensors.Add(tensor);

    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        using (var header = new MemoryStream())
        using (var writer = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("GGUF"u8);
            writer.Write(3u);
            writer.Write((ulong)_tensors.Count);
            writer.Write((ulong)_metadata.Count);
            foreach (var (key, type, value) in _metadata)
            {
                WriteString(writer, key);
                WriteValue(writer, type, value);
            }

            ulong offset = 0;
            foreach (var tensor in _tensors)
            {
                WriteString(writer, tensor.Name);
                writer.Write((uint)tensor.Shape.Count);
                foreach (var dimension in tensor.Shape)
                {
                    writer.Write((ulong)dimension);
                }

                writer.Write((uint)tensor.Type);
                writer.Write(offset);
                offset += (ulong)Padded(tensor.ByteLength);
            }

            PadTo(writer, header.Length);
            await file.WriteAsync(header.GetBuffer().AsMemory(0, (int)header.Length), cancellationToken).ConfigureAwait(false);
        }

        foreach (var tensor in _tensors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await tensor.WriteDataAsync(file, cancellationToken).ConfigureAwait(false);
            var padding = Padded(tensor.ByteLength) - tensor.ByteLength;
            if (padding > 0)
            {
                await file.WriteAsync(new byte[padding], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static long Padded(long length) => (length + Alignment - 1) / Alignment * Alignment;

    private static void PadTo(BinaryWriter writer, long length)
    {
        for (var i = length; i < Padded(length); i++)
        {
            writer.Write((byte)0);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteValue(BinaryWriter writer, GgufValueType type, object value)
    {
        writer.Write((uint)type);
        switch (value)
        {
            case string text:
                WriteString(writer, text);
                break;
            case uint number:
                writer.Write(number);
                break;
            case int number:
                writer.Write(number);
                break;
            case float number:
                writer.Write(number);
                break;
            case bool flag:
                writer.Write(flag ? (byte)1 : (byte)0);
                break;
            case IReadOnlyList<string> strings:
                writer.Write((uint)GgufValueType.String);
                writer.Write((ulong)strings.Count);
                foreach (var s in strings)
                {
                    WriteString(writer, s);
                }

                break;
            case IReadOnlyList<float> floats:
                writer.Write((uint)GgufValueType.Float32);
                writer.Write((ulong)floats.Count);
                foreach (var f in floats)
                {
                    writer.Write(f);
                }

                break;
            case IReadOnlyList<int> ints:
                writer.Write((uint)GgufValueType.Int32);
                writer.Write((ulong)ints.Count);
                foreach (var i in ints)
                {
                    writer.Write(i);
                }

                break;
            default:
                throw new ArgumentException($"GGUF cannot store {value.GetType().Name}.", nameof(value));
        }
    }
}

/// <summary>GGUF metadata value types.</summary>
public enum GgufValueType : uint
{
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
}

/// <summary>The ggml tensor types the writer produces (Q80 is ggml's Q8_0).</summary>
public enum GgmlType : uint
{
    F32 = 0,
    F16 = 1,
    Q80 = 8,
}

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
