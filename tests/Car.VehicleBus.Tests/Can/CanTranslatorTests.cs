using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Dbc;
using Car.VehicleBus.Can.Mapping;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Tests.Can;

public class CanTranslatorTests
{
    private static readonly CanTranslator Translator = SampleNetwork.Translator;

    [Fact]
    public void Encode_WindowTarget_BodyCommandWithOthersAtNoRequest()
    {
        var frame = Translator.Encode(VssPaths.WindowPosition(VssPlaces.DriverSide), SignalValue.FromNumber(40));

        Assert.Equal("210#00287F7F7F007F80", frame.ToString());
    }

    [Fact]
    public void Encode_LockThroughValueMap_WritesTheDescribedRawValue()
    {
        var frame = Translator.Encode(VssPaths.DoorLocked(VssPlaces.RearPassengerSide), SignalValue.FromBoolean(true));

        // LockReqRR (bits 6–7) = 2 "Lock".
        Assert.Equal("210#807F7F7F7F007F80", frame.ToString());
    }

    [Fact]
    public void Encode_TwoClimateTargets_OneMotorolaFrame()
    {
        var frames = Translator.Encode(
        [
            new(VssPaths.HvacTemperature(VssPlaces.DriverStation), SignalValue.FromNumber(22.5)),
            new(VssPaths.HvacFanSpeed(VssPlaces.DriverStation), SignalValue.FromNumber(50)),
        ]);

        // 22.5 °C = 45 (0x2D) in byte 0; passenger setpoint 0 (no request); fan 50 % = level 5 in the high nibble
        // of byte 2, passenger fan 15 (no request) in the low nibble; on/off requests 0.
        Assert.Equal("220#2D005F00", Assert.Single(frames).ToString());
    }

    [Fact]
    public void Encode_SeatHeating_SelectsTheSeatInTheMultiplexor()
    {
        var frame = Translator.Encode(VssPaths.SeatHeatingCooling(VssPlaces.RearDriverSide), SignalValue.FromNumber(-3));

        Assert.Equal("211#02FD", frame.ToString());
    }

    [Fact]
    public void Encode_TwoSeats_OneFramePerMultiplexorValue()
    {
        var frames = Translator.Encode(
        [
            new(VssPaths.SeatHeatingCooling(VssPlaces.DriverSide), SignalValue.FromNumber(100)),
            new(VssPaths.SeatHeatingCooling(VssPlaces.PassengerSide), SignalValue.FromNumber(50)),
        ]);

        Assert.Equal(["211#0064", "211#0132"], frames.Select(f => f.ToString()));
    }

    [Fact]
    public void Encode_StringThroughValueMap_WritesTheRawValue()
    {
        var frame = Translator.Encode(VssPaths.WiperMode, SignalValue.FromString("RAIN_SENSOR"));

        Assert.Equal("213#06", frame.ToString());
    }

    [Theory]
    [InlineData(101)]
    [InlineData(20.5)]
    public void Encode_ValueOutsideTheSignal_RejectedAsOutOfRange(double position)
    {
        var error = Assert.Throws<VehicleBusException>(() =>
            Translator.Encode(VssPaths.WindowPosition(VssPlaces.DriverSide), SignalValue.FromNumber(position)));

        Assert.Equal(VehicleBusError.OutOfRange, error.Error);
    }

    [Fact]
    public void Encode_ActuatorWithoutCommandSignal_RejectedNamingIt()
    {
        var error = Assert.Throws<VehicleBusException>(() => Translator.Encode(VssPaths.MediaVolume, SignalValue.FromNumber(10)));

        Assert.Equal(VehicleBusError.NotAnActuator, error.Error);
        Assert.Contains("no command signal on CAN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HvacStatus_GivesVssValuesThroughTransformsAndMaps()
    {
        var values = new List<KeyValuePair<string, SignalValue>>();

        Translator.Decode(CanFrame.FromBytes(0x320, Convert.FromHexString("2C2D2712BC53A000")), values);
        var byPath = values.ToDictionary(v => v.Key, v => v.Value);

        Assert.Equal(10, values.Count);
        Assert.Equal(SignalValue.FromNumber(22), byPath[VssPaths.HvacTemperature(VssPlaces.DriverStation)]);
        Assert.Equal(SignalValue.FromNumber(22.5), byPath[VssPaths.HvacTemperature(VssPlaces.PassengerStation)]);
        Assert.Equal(SignalValue.FromNumber(22.5), byPath[VssPaths.CabinTemperature]);
        Assert.Equal(SignalValue.FromNumber(30), byPath[VssPaths.OutsideTemperature]);
        Assert.Equal(SignalValue.FromNumber(50), byPath[VssPaths.HvacFanSpeed(VssPlaces.DriverStation)]);
        Assert.Equal(SignalValue.FromNumber(30), byPath[VssPaths.HvacFanSpeed(VssPlaces.PassengerStation)]);
        Assert.Equal(SignalValue.FromBoolean(true), byPath[VssPaths.AirConditioning]);
        Assert.Equal(SignalValue.FromBoolean(false), byPath[VssPaths.Recirculation]);
        Assert.Equal(SignalValue.FromBoolean(true), byPath[VssPaths.FrontDefroster]);
    }

    [Fact]
    public void Decode_ValueOutsideTheVssRange_LeftOut()
    {
        var values = new List<KeyValuePair<string, SignalValue>>();

        // WinPosFL = 127: not a position VSS allows, so it is not reported; the other windows are.
        Translator.Decode(CanFrame.FromBytes(0x310, Convert.FromHexString("007F000000000000")), values);

        Assert.DoesNotContain(values, v => v.Key == VssPaths.WindowPosition(VssPlaces.DriverSide));
        Assert.Contains(values, v => v.Key == VssPaths.WindowPosition(VssPlaces.PassengerSide));
    }

    [Fact]
    public void Decode_UnknownOrShortFrame_GivesNothing()
    {
        var values = new List<KeyValuePair<string, SignalValue>>();

        Assert.Equal(0, Translator.Decode(CanFrame.FromBytes(0x123, [0xDE, 0xAD]), values));
        Assert.Equal(0, Translator.Decode(CanFrame.FromBytes(0x320, [0x2C]), values));
        Assert.Equal(0, Translator.Decode(CanFrame.FromBytes(0x320, new byte[8], isExtended: true), values));
    }

    [Theory]
    [InlineData("Vehicle.Nope", "BCM_DoorStatus", "WinPosFL", "not in the VSS catalog")]
    [InlineData("Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", "Nope", "WinPosFL", "no message Nope")]
    [InlineData("Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", "BCM_DoorStatus", "Nope", "has no signal Nope")]
    [InlineData("Vehicle.Body.Windshield.Front.Wiping.Mode", "BCM_WiperStatus", "WiperMode", "needs a value map")]
    public void Constructor_MappingThatDoesNotFit_SaysWhy(string path, string message, string signal, string expected)
    {
        var mapping = new CanMapping("x.dbc", [new CanSignalMapping(path, new CanSignalBinding(message, signal), null)]);

        var error = Assert.Throws<CanMappingException>(() => new CanTranslator(SampleNetwork.Dbc, mapping, TestCatalog.Bundled));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TargetOnASensor_Refused()
    {
        var mapping = new CanMapping("x.dbc",
            [new CanSignalMapping(VssPaths.CabinTemperature, null, new CanSignalBinding("HU_ClimateCommand", "SetTempDriverReq"))]);

        var error = Assert.Throws<CanMappingException>(() => new CanTranslator(SampleNetwork.Dbc, mapping, TestCatalog.Bundled));

        Assert.Contains("only actuators take a target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ValueMapNamingAnUnknownDescription_Refused()
    {
        var binding = new CanSignalBinding("BCM_DoorStatus", "LockedFL", Values: [new CanValuePair(SignalValue.FromBoolean(true), "Bolted")]);
        var mapping = new CanMapping("x.dbc", [new CanSignalMapping(VssPaths.DoorLocked(VssPlaces.DriverSide), binding, null)]);

        var error = Assert.Throws<CanMappingException>(() => new CanTranslator(SampleNetwork.Dbc, mapping, TestCatalog.Bundled));

        Assert.Contains("'Bolted' is neither", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MappedPaths_SampleMapping_AreAllInTheDbc()
    {
        Assert.Equal(32, Translator.MappedPaths.Count);
        Assert.True(Translator.CanActuate(VssPaths.SunroofPosition));
        Assert.False(Translator.CanActuate(VssPaths.CabinTemperature));
        Assert.IsType<DbcDatabase>(SampleNetwork.Dbc);
    }
}
