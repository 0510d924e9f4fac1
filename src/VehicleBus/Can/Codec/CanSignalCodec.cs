using System.Buffers.Binary;
using System.Globalization;
using Car.VehicleBus.Can.Dbc;

namespace Car.VehicleBus.Can.Codec;

/// <summary>
/// Reads and writes one DBC signal in a payload, bit-exact. The payload is a little-endian <see cref="ulong"/>
/// (<see cref="CanFrame.Data"/>), so an Intel signal is a plain shift and mask of it; a Motorola signal is a shift
/// and mask of the byte-reversed word, where DBC's start bit <c>s</c> (the MSB) sits at <c>(7 - s/8)·8 + s%8</c>.
/// Decoded values are rounded to the decimals of the factor and offset, so 625 × 0.1 − 40 reads 22.5.
/// </summary>
public sealed class CanSignalCodec
{
    private readonly int _shift;
    private readonly ulong _mask;
    private readonly bool _motorola;
    private readonly DbcValueType _valueType;
    private readonly double _factor;
    private readonly double _offset;
    private readonly int _decimals;
    private readonly long _minRaw;
    private readonly long _maxRaw;

    public CanSignalCodec(DbcSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Layout(signal.StartBit, signal.Length, signal.ByteOrder, signal.ValueType, out _shift) is { } problem)
        {
            throw new ArgumentException($"Signal {signal.Name}: {problem}", nameof(signal));
        }

        Signal = signal;
        _mask = signal.Length == 64 ? ulong.MaxValue : (1UL << signal.Length) - 1;
        _motorola = signal.ByteOrder == DbcByteOrder.Motorola;
        _valueType = signal.ValueType;
        _factor = signal.Factor;
        _offset = signal.Offset;
        _decimals = signal.ValueType is DbcValueType.Float32 or DbcValueType.Float64
            ? 0
            : Math.Max(Decimals(signal.Factor), Decimals(signal.Offset));
        (_minRaw, _maxRaw) = signal.ValueType switch
        {
            DbcValueType.Signed => (signal.Length == 64 ? long.MinValue : -(1L << (signal.Length - 1)), signal.Length == 64 ? long.MaxValue : (1L << (signal.Length - 1)) - 1),
            DbcValueType.Unsigned when signal.Length == 64 => (long.MinValue, long.MaxValue), // any bit pattern; see DecodeRaw
            DbcValueType.Unsigned => (0, (1L << signal.Length) - 1),
            _ => (long.MinValue, long.MaxValue),
        };
    }

    public DbcSignal Signal { get; }

    /// <summary>
    /// The lowest payload bit the signal occupies in its byte order's word (Intel: the LE word, Motorola: the BE word),
    /// or the reason it cannot lie in 8 bytes.
    /// </summary>
    public static string? Layout(int startBit, int length, DbcByteOrder byteOrder, DbcValueType valueType, out int shift)
    {
        shift = 0;
        if (length is < 1 or > 64)
        {
            return $"a length of {length} bits; signals have 1 to 64";
        }

        if (startBit is < 0 or > 63)
        {
            return $"start bit {startBit} lies outside 8 bytes";
        }

        if ((valueType == DbcValueType.Float32 && length != 32) || (valueType == DbcValueType.Float64 && length != 64))
        {
            return $"a {valueType} signal of {length} bits";
        }

        shift = byteOrder == DbcByteOrder.Intel ? startBit : ((7 - (startBit / 8)) * 8) + (startBit % 8) - length + 1;
        return (byteOrder == DbcByteOrder.Intel ? startBit + length > 64 : shift < 0)
            ? $"{length} bits from start bit {startBit} ({byteOrder}) run past byte 7"
            : null;
    }

    /// <summary>The highest payload byte the signal touches (0-based), for checking it against the message length.</summary>
    public static int LastByte(int startBit, int length, DbcByteOrder byteOrder) => byteOrder == DbcByteOrder.Intel
        ? (startBit + length - 1) / 8
        : 7 - ((((7 - (startBit / 8)) * 8) + (startBit % 8) - length + 1) / 8);

    /// <summary>The raw bits, sign-extended for signed signals (a 64-bit unsigned raw value above 2⁶³ reads negative: it is the bit pattern).</summary>
    public long DecodeRaw(ulong data)
    {
        var word = _motorola ? BinaryPrimitives.ReverseEndianness(data) : data;
        var bits = (word >> _shift) & _mask;
        if (_valueType == DbcValueType.Signed)
        {
            var unused = 64 - Signal.Length;
            return (long)(bits << unused) >> unused;
        }

        return (long)bits;
    }

    /// <summary>The physical value: <c>raw × factor + offset</c>.</summary>
    public double Decode(ulong data)
    {
        var raw = DecodeRaw(data);
        var value = _valueType switch
        {
            DbcValueType.Float32 => BitConverter.Int32BitsToSingle((int)raw),
            DbcValueType.Float64 => BitConverter.Int64BitsToDouble(raw),
            DbcValueType.Unsigned => (double)(ulong)raw,
            _ => raw,
        };
        var physical = (value * _factor) + _offset;
        return _decimals > 0 ? Math.Round(physical, _decimals) : physical;
    }

    /// <summary>Writes the raw bits into <paramref name="data"/>, leaving every other bit as it was.</summary>
    public void EncodeRaw(ref ulong data, long raw)
    {
        if (raw < _minRaw || raw > _maxRaw)
        {
            throw new ArgumentOutOfRangeException(nameof(raw), raw, $"{Signal.Name} holds raw values from {_minRaw} to {_maxRaw}.");
        }

        var word = _motorola ? BinaryPrimitives.ReverseEndianness(data) : data;
        word = (word & ~(_mask << _shift)) | (((ulong)raw & _mask) << _shift);
        data = _motorola ? BinaryPrimitives.ReverseEndianness(word) : word;
    }

    /// <summary>Writes the physical value, rounded to the nearest raw step; throws when it does not fit the signal's bits.</summary>
    public void Encode(ref ulong data, double physical)
    {
        if (!TryEncode(ref data, physical))
        {
            throw new ArgumentOutOfRangeException(nameof(physical), physical, $"{Signal.Name} cannot carry {physical.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>Writes the physical value, or returns false (leaving the payload unchanged) when it does not fit.</summary>
    public bool TryEncode(ref ulong data, double physical)
    {
        var scaled = (physical - _offset) / _factor;
        long raw;
        switch (_valueType)
        {
            case DbcValueType.Float32:
                raw = (uint)BitConverter.SingleToInt32Bits((float)scaled);
                break;
            case DbcValueType.Float64:
                raw = BitConverter.DoubleToInt64Bits(scaled);
                break;
            default:
                var rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);
                if (double.IsNaN(rounded) || rounded < _minRaw || rounded > _maxRaw)
                {
                    return false;
                }

                raw = (long)rounded;
                break;
        }

        var word = _motorola ? BinaryPrimitives.ReverseEndianness(data) : data;
        word = (word & ~(_mask << _shift)) | (((ulong)raw & _mask) << _shift);
        data = _motorola ? BinaryPrimitives.ReverseEndianness(word) : word;
        return true;
    }

    private static int Decimals(double number)
    {
        for (var decimals = 0; decimals <= 12; decimals++)
        {
            if (Math.Abs(number - Math.Round(number, decimals)) < 1e-12)
            {
                return decimals;
            }
        }

        return 12;
    }
}
