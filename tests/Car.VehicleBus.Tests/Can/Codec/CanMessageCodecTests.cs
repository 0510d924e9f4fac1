using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Dbc;

namespace Car.VehicleBus.Tests.Can.Codec;

public class CanMessageCodecTests
{
    private static readonly DbcDatabase Dbc = SampleNetwork.Dbc;

    [Fact]
    public void DecodeAll_HvacStatusMotorolaFrame_GivesHandComputedValues()
    {
        var codec = Codec("HVAC_Status");
        // 22 °C = 44 (0x2C), 22.5 °C = 45 (0x2D); cabin 22.5 °C = 625 = 0x271 over byte 2 and the high nibble of
        // byte 3; outside 30 °C = 700 = 0x2BC over the low nibble of byte 3 and byte 4; fans 5 and 3; AC and front
        // defrost on (bits 7 and 5 of byte 6).
        var frame = CanFrame.FromBytes(0x320, Convert.FromHexString("2C2D2712BC53A000"));
        var values = new double[codec.Signals.Count];
        var carried = new bool[codec.Signals.Count];

        Assert.Equal(10, codec.DecodeAll(frame, values, carried));

        Assert.Equal([22, 22.5, 22.5, 30, 5, 3, 1, 0, 1, 0], values);
    }

    [Fact]
    public void Encode_HvacStatusValues_GivesHandComputedFrame()
    {
        var frame = Codec("HVAC_Status").Encode([22, 22.5, 22.5, 30, 5, 3, 1, 0, 1, 0]);

        Assert.Equal("320#2C2D2712BC53A000", frame.ToString());
    }

    [Fact]
    public void EncodeDecode_DoorStatusIntelFrame_RoundTripsHandComputedBytes()
    {
        var codec = Codec("BCM_DoorStatus");
        // Locks FL and RR, trunk open: 0x19; windows 50, 0, 100, 25; shade 100; sunroof -100 (0x9C).
        double[] values = [1, 0, 0, 1, 1, 50, 0, 100, 25, 100, -100];

        var frame = codec.Encode(values);
        var decoded = new double[values.Length];
        codec.DecodeAll(frame, decoded, new bool[values.Length]);

        Assert.Equal("310#1932006419649C00", frame.ToString());
        Assert.Equal(values, decoded);
    }

    [Fact]
    public void DecodeAll_MultiplexedSeatStatus_CarriesOnlyTheSelectedSeat()
    {
        var codec = Codec("BCM_SeatStatus");
        var values = new double[5];
        var carried = new bool[5];

        var count = codec.DecodeAll(CanFrame.FromBytes(0x311, [0x02, 0xFD]), values, carried);

        Assert.Equal(2, count);
        Assert.Equal([true, false, false, true, false], carried);
        Assert.Equal(2, values[0]);
        Assert.Equal(-3, values[3]);
    }

    [Fact]
    public void Encode_Multiplexed_WritesOnlySignalsOfTheMultiplexorValue()
    {
        var frame = Codec("BCM_SeatStatus").Encode([1, 10, 20, 30, 40]);

        Assert.Equal("311#0114", frame.ToString());
    }

    [Fact]
    public void StartPayload_BodyCommand_AsksForNothing()
    {
        // Windows and shade at 127 (no request), sunroof at -128 (0x80), locks and trunk at 0.
        var codec = Codec("HU_BodyCommand");

        Assert.Equal("210#007F7F7F7F007F80", codec.CreateFrame(codec.StartPayload).ToString());
    }

    private static CanMessageCodec Codec(string message)
    {
        Assert.True(Dbc.TryGetMessage(message, out var found));
        return new CanMessageCodec(found);
    }
}
