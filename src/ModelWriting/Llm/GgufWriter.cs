using System.Text;

namespace Car.ModelWriting;

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
