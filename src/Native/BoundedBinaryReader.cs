using System.Buffers.Binary;

namespace Car.Native;

/// <summary>
/// Reads a model file's little-endian header without trusting it: every read and skip first checks that the bytes
/// are there, and a short file gives the caller's own exception (naming what was being read) instead of an
/// <see cref="EndOfStreamException"/> or a seek past the end. Shared by the GGUF and Whisper header validators.
/// </summary>
internal sealed class BoundedBinaryReader
{
    private readonly Stream _stream;
    private readonly long _length;
    private readonly Func<string, Exception> _truncated;
    private readonly byte[] _scratch = new byte[8];

    /// <param name="stream">Seekable; its length is taken as the file's. It stays the caller's to dispose.</param>
    /// <param name="truncated">The exception for a file that ends while <c>what</c> is read.</param>
    public BoundedBinaryReader(Stream stream, Func<string, Exception> truncated)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _length = stream.Length;
        _truncated = truncated;
    }

    public long Position => _stream.Position;

    public long Remaining => _length - _stream.Position;

    public byte ReadByte(string what) => Read(1, what)[0];

    public sbyte ReadSByte(string what) => (sbyte)Read(1, what)[0];

    public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Read(2, what));

    public short ReadInt16(string what) => BinaryPrimitives.ReadInt16LittleEndian(Read(2, what));

    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Read(4, what));

    public int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Read(4, what));

    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Read(8, what));

    public long ReadInt64(string what) => BinaryPrimitives.ReadInt64LittleEndian(Read(8, what));

    /// <summary>Reads <paramref name="count"/> bytes; the caller bounds <paramref name="count"/> (it is allocated).</summary>
    public byte[] ReadBytes(int count, string what)
    {
        Need(count, what);
        var bytes = new byte[count];
        _stream.ReadExactly(bytes);
        return bytes;
    }

    public void Skip(long bytes, string what)
    {
        Need(bytes, what);
        _stream.Seek(bytes, SeekOrigin.Current);
    }

    /// <summary>Throws the caller's exception unless <paramref name="bytes"/> (≥ 0) more bytes are left.</summary>
    public void Need(long bytes, string what)
    {
        if (bytes < 0 || bytes > Remaining)
        {
            throw _truncated(what);
        }
    }

    private ReadOnlySpan<byte> Read(int count, string what)
    {
        Need(count, what);
        var bytes = _scratch.AsSpan(0, count);
        _stream.ReadExactly(bytes);
        return bytes;
    }
}
