using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;

namespace Car.VehicleBus.Tests.Can.Transport;

public class CandumpLogTests
{
    [Fact]
    public void TryParse_StandardFrame_ReadsTimeInterfaceAndBytes()
    {
        Assert.True(CandumpLog.TryParse("(1700000000.250000) vcan0 320#2C2D2712BC53A000", out var record, out _));

        Assert.Equal(1700000000.25m, record.Timestamp);
        Assert.Equal("vcan0", record.Interface);
        Assert.Equal(CanFrame.FromBytes(0x320, Convert.FromHexString("2C2D2712BC53A000")), record.Frame);
    }

    [Fact]
    public void TryParse_ExtendedFrameWithoutTimestamp_ReadsIt()
    {
        Assert.True(CandumpLog.TryParse("can1 18FF1234#0102", out var record, out _));

        Assert.Null(record.Timestamp);
        Assert.True(record.Frame.IsExtended);
        Assert.Equal(0x18FF1234u, record.Frame.Id);
        Assert.Equal(2, record.Frame.Length);
    }

    [Fact]
    public void TryParse_EmptyPayload_IsAZeroLengthFrame()
    {
        Assert.True(CandumpLog.TryParse("(1.000000) vcan0 7FF#", out var record, out _));

        Assert.Equal(0, record.Frame.Length);
    }

    [Theory]
    [InlineData("(1.0) vcan0 123##1DEAD", "CAN FD")]
    [InlineData("(1.0) vcan0 123#R", "remote")]
    [InlineData("(1.0) vcan0 12#00", "3- or 8-digit")]
    [InlineData("(1.0) vcan0 123#0", "up to 8 bytes")]
    [InlineData("(1.0) vcan0 123#001122334455667788", "up to 8 bytes")]
    [InlineData("(1.0) vcan0 123#ZZ", "not hex")]
    [InlineData("(x) vcan0 123#00", "not a timestamp")]
    [InlineData("", "blank")]
    public void TryParse_NotAClassicDataFrame_SaysWhy(string line, string expected)
    {
        Assert.False(CandumpLog.TryParse(line, out _, out var reason));

        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Frame_WritesWhatCandumpWrites()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250).AddTicks(10);

        Assert.Equal("(1700000000.250001) vcan0 210#00287F7F7F007F80",
            CandumpLog.Format(CanFrame.FromBytes(0x210, Convert.FromHexString("00287F7F7F007F80")), time, "vcan0"));
        Assert.Equal("(1700000000.250001) vcan0 18FF1234#01",
            CandumpLog.Format(CanFrame.FromBytes(0x18FF1234, [1], isExtended: true), time, "vcan0"));
    }
}
