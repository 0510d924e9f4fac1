using System.Buffers.Binary;

namespace Car.Language.Compiled;

/// <summary>
/// The 48 bytes at the start of a compiled file: magic, kind, format version, the source's stamp, the length of the
/// payload that follows and its <see cref="Checksum"/>. Little-endian.
/// </summary>
internal readonly record struct CompiledFileHeader(uint Kind, uint Version, SourceStamp Source, long PayloadLength, ulong Checksum)
{
    public const int Size = 48;

    /// <summary>"CARDATA" and a zero byte.</summary>
    private const ulong Magic = 0x00_41_54_41_44_52_41_43;

    public void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Kind);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[12..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], Source.Length);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[24..], Source.LastWriteTicks);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[32..], PayloadLength);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[40..], Checksum);
    }

    /// <summary>The header in <paramref name="bytes"/>, or null when they do not start with the magic.</summary>
    public static CompiledFileHeader? Read(ReadOnlySpan<byte> bytes) =>
        bytes.Length < Size || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != Magic
            ? null
            : new CompiledFileHeader(
                BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]),
                BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]),
                new SourceStamp(BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]), BinaryPrimitives.ReadInt64LittleEndian(bytes[24..])),
                BinaryPrimitives.ReadInt64LittleEndian(bytes[32..]),
                BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]));
}
