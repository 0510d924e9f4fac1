using System.Runtime.InteropServices;

namespace Car.Language.Compiled;

/// <summary>
/// Writes the payload of a compiled file as sections: each an element count (16 bytes, the last 8 zero) followed by
/// the elements' bytes as they lie in memory, padded with zeros to a multiple of 16 bytes. Every section thus starts
/// aligned for any element type, and <see cref="CompiledFileReader"/> uses it where it lies in the mapped file.
/// </summary>
internal sealed class CompiledFileWriter
{
    /// <summary>The alignment of every section, and the size of a count.</summary>
    public const int Alignment = 16;

    private readonly Stream _stream;
    private Checksum _checksum;

    public CompiledFileWriter(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    public ulong Checksum => _checksum.Value;

    public void WriteArray<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Span<byte> count = stackalloc byte[Alignment];
        count.Clear();
        MemoryMarshal.Write(count, (long)values.Length);
        Append(count);
        var bytes = MemoryMarshal.AsBytes(values);
        var whole = bytes.Length - (bytes.Length % Alignment);
        Append(bytes[..whole]);
        if (whole < bytes.Length)
        {
            Span<byte> last = stackalloc byte[Alignment];
            last.Clear();
            bytes[whole..].CopyTo(last);
            Append(last);
        }
    }

    /// <summary>Strings as their characters end to end and the offsets where each starts (one more than the strings).</summary>
    public void WriteStrings(IReadOnlyList<string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var starts = new int[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            starts[i + 1] = starts[i] + strings[i].Length;
        }

        WriteArray<char>(string.Concat(strings));
        WriteArray<int>(starts);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _checksum.Append(bytes);
        _stream.Write(bytes);
        Length += bytes.Length;
    }
}
