using System.Runtime.InteropServices;

namespace Car.Language.Compiled;

/// <summary>
/// Writes the payload of a compiled file as sections: each an element count (8 bytes) followed by the elements'
/// bytes as they lie in memory, so that <see cref="CompiledFileReader"/> reads them straight into arrays.
/// </summary>
internal sealed class CompiledFileWriter
{
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
        Span<byte> count = stackalloc byte[sizeof(long)];
        MemoryMarshal.Write(count, (long)values.Length);
        Append(count);
        Append(MemoryMarshal.AsBytes(values));
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
