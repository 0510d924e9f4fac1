using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Dbc;

namespace Car.VehicleBus.Tests.Can.Codec;

public class CanSignalCodecTests
{
    [Theory]
    // Intel: the start bit is the LSB; raw << start, bytes little-endian.
    [InlineData("4|12@1+", 0xABC, "C0AB000000000000")]
    [InlineData("10|16@1+", 0x1234, "00D0480000000000")]
    [InlineData("56|8@1-", -100, "000000000000009C")]
    [InlineData("0|64@1+", 0x0102030405060708, "0807060504030201")]
    // Motorola: the start bit is the MSB; bits run 7→0 in a byte, then on to bit 7 of the next byte.
    [InlineData("7|16@0+", 0x1234, "1234000000000000")]
    [InlineData("23|12@0+", 0x271, "0000271000000000")]
    [InlineData("27|12@0+", 0x2BC, "00000002BC000000")]
    [InlineData("39|16@0-", -2, "00000000FFFE0000")]
    [InlineData("0|12@0-", -1348, "0157800000000000")]
    [InlineData("55|1@0+", 1, "0000000000008000")]
    [InlineData("7|64@0+", 0x0102030405060708, "0102030405060708")]
    public void EncodeRaw_HandComputedLayouts_WritesExactBytes(string layout, long raw, string expectedHex)
    {
        var codec = new CanSignalCodec(Signal(layout));
        var data = 0UL;

        codec.EncodeRaw(ref data, raw);

        Assert.Equal(expectedHex, Hex(data));
        Assert.Equal(raw, codec.DecodeRaw(data));
    }

    [Fact]
    public void Decode_FactorAndOffset_GivesPhysicalValueWithoutFloatingNoise()
    {
        var cabin = new CanSignalCodec(Signal("23|12@0+") with { Factor = 0.1, Offset = -40 });

        Assert.Equal(22.5, cabin.Decode(Data("0000271000000000")));
    }

    [Fact]
    public void Encode_PhysicalValue_RoundsToNearestStep()
    {
        var setpoint = new CanSignalCodec(Signal("7|8@0+") with { Factor = 0.5 });
        var data = 0UL;

        setpoint.Encode(ref data, 22.3);

        Assert.Equal("2D00000000000000", Hex(data));
        Assert.Equal(22.5, setpoint.Decode(data));
    }

    [Fact]
    public void Encode_OtherBitsSet_LeavesThemAlone()
    {
        var codec = new CanSignalCodec(Signal("27|12@0+"));
        var data = ulong.MaxValue;

        codec.EncodeRaw(ref data, 0);

        Assert.Equal("FFFFFFF000FFFFFF", Hex(data));
    }

    [Fact]
    public void Decode_Float32Intel_ReadsIeeeBits()
    {
        var codec = new CanSignalCodec(Signal("0|32@1-") with { ValueType = DbcValueType.Float32 });
        var data = 0UL;

        codec.Encode(ref data, 1.5);

        Assert.Equal("0000C03F00000000", Hex(data));
        Assert.Equal(1.5, codec.Decode(data));
    }

    [Theory]
    [InlineData("0|8@1+", 256)]
    [InlineData("0|8@1+", -1)]
    [InlineData("0|8@1-", 128)]
    [InlineData("0|8@1-", -129)]
    public void TryEncode_ValueOutsideRawRange_RefusesAndLeavesPayload(string layout, double physical)
    {
        var codec = new CanSignalCodec(Signal(layout));
        var data = 0x55UL;

        Assert.False(codec.TryEncode(ref data, physical));
        Assert.Equal(0x55UL, data);
    }

    [Theory]
    [InlineData("60|8@1+")]
    [InlineData("56|16@0+")]
    [InlineData("0|0@1+")]
    public void Constructor_SignalPastByteSeven_Refused(string layout) =>
        Assert.Throws<ArgumentException>(() => new CanSignalCodec(Signal(layout)));

    [Fact]
    public void EncodeDecode_RandomLayouts_MatchBitByBitReference()
    {
        var random = new Random(20261123);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var order = random.Next(2) == 0 ? DbcByteOrder.Intel : DbcByteOrder.Motorola;
            var length = random.Next(1, 65);
            var start = random.Next(64);
            if (CanSignalCodec.Layout(start, length, order, DbcValueType.Unsigned, out _) is not null)
            {
                continue;
            }

            var signed = random.Next(2) == 0;
            var signal = new DbcSignal
            {
                Name = "S", StartBit = start, Length = length, ByteOrder = order,
                ValueType = signed ? DbcValueType.Signed : DbcValueType.Unsigned,
            };
            var codec = new CanSignalCodec(signal);
            var background = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1);
            var bits = (((ulong)random.NextInt64() << 1) | (uint)random.Next(2)) & (length == 64 ? ulong.MaxValue : (1UL << length) - 1);
            var raw = signed && length < 64 && (bits >> (length - 1)) == 1 ? (long)(bits | (ulong.MaxValue << length)) : (long)bits;

            var data = background;
            codec.EncodeRaw(ref data, raw);

            Assert.Equal(ReferenceEncode(background, start, length, order, bits), data);
            Assert.Equal(raw, codec.DecodeRaw(data));
        }
    }

    internal static DbcSignal Signal(string layout)
    {
        var (start, rest) = (layout.Split('|')[0], layout.Split('|')[1]);
        var length = rest.Split('@')[0];
        var order = rest.Split('@')[1];
        return new DbcSignal
        {
            Name = "S",
            StartBit = int.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            Length = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture),
            ByteOrder = order[0] == '1' ? DbcByteOrder.Intel : DbcByteOrder.Motorola,
            ValueType = order[1] == '-' ? DbcValueType.Signed : DbcValueType.Unsigned,
        };
    }

    internal static string Hex(ulong data) => Convert.ToHexString(BitConverter.GetBytes(data));

    internal static ulong Data(string hex) => BitConverter.ToUInt64(Convert.FromHexString(hex.PadRight(16, '0')));

    /// <summary>
    /// The DBC layout walked one bit at a time, as the format describes it: Intel from the start bit (LSB) upward;
    /// Motorola from the start bit (MSB) downward within a byte, then on at bit 7 of the next byte.
    /// </summary>
    private static ulong ReferenceEncode(ulong data, int start, int length, DbcByteOrder order, ulong bits)
    {
        var position = start;
        for (var i = 0; i < length; i++)
        {
            var valueBit = order == DbcByteOrder.Intel ? i : length - 1 - i;
            var bit = (bits >> valueBit) & 1;
            data = (data & ~(1UL << position)) | (bit << position);
            if (order == DbcByteOrder.Intel)
            {
                position++;
            }
            else
            {
                position = position % 8 == 0 ? position + 15 : position - 1;
            }
        }

        return data;
    }
}
