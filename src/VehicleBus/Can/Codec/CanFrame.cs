using System.Buffers.Binary;
using System.Globalization;

namespace Car.VehicleBus.Can.Codec;

/// <summary>
/// A classic CAN data frame: an 11- or 29-bit identifier and up to 8 payload bytes. The payload is held as one
/// little-endian <see cref="ulong"/> (byte 0 in the low 8 bits), which is also DBC's bit numbering; bytes past
/// <see cref="Length"/> are zero.
/// </summary>
public readonly record struct CanFrame
{
    public const uint MaxStandardId = 0x7FF;
    public const uint MaxExtendedId = 0x1FFF_FFFF;

    public CanFrame(uint id, ulong data, int length = 8, bool isExtended = false)
    {
        if (id > (isExtended ? MaxExtendedId : MaxStandardId))
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"A {(isExtended ? 29 : 11)}-bit CAN identifier is at most 0x{(isExtended ? MaxExtendedId : MaxStandardId):X}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 8);
        Id = id;
        IsExtended = isExtended;
        Length = (byte)length;
        Data = length == 8 ? data : data & ((1UL << (8 * length)) - 1);
    }

    public uint Id { get; }

    public bool IsExtended { get; }

    /// <summary>The payload length in bytes (the DLC of a classic frame).</summary>
    public byte Length { get; }

    /// <summary>The payload, byte 0 in the least significant 8 bits.</summary>
    public ulong Data { get; }

    public byte this[int index] => (uint)index < Length
        ? (byte)(Data >> (8 * index))
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The frame has {Length} bytes.");

    public static CanFrame FromBytes(uint id, ReadOnlySpan<byte> payload, bool isExtended = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, 8, nameof(payload));
        Span<byte> eight = stackalloc byte[8];
        eight.Clear();
        payload.CopyTo(eight);
        return new CanFrame(id, BinaryPrimitives.ReadUInt64LittleEndian(eight), payload.Length, isExtended);
    }

    /// <summary>Writes the <see cref="Length"/> payload bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        Span<byte> eight = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(eight, Data);
        eight[..Length].CopyTo(destination);
    }

    /// <summary>The frame as candump writes it: <c>123#DEADBEEF</c>, or 8 hex digits of identifier for an extended frame.</summary>
    public override string ToString()
    {
        var id = Id.ToString(IsExtended ? "X8" : "X3", CultureInfo.InvariantCulture);
        Span<byte> payload = stackalloc byte[8];
        CopyTo(payload);
        return $"{id}#{Convert.ToHexString(payload[..Length])}";
    }
}
