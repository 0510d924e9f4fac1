using Car.VehicleBus.Broker;
using Car.VehicleBus.Signals;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Tests.Broker;

public class KuksaValuesTests
{
    [Theory]
    [InlineData(DataType.Uint8, "50", "50")]
    [InlineData(DataType.Int8, "-5", "-5")]
    [InlineData(DataType.Float, "22.5", "22.5")]
    [InlineData(DataType.Boolean, "true", "true")]
    [InlineData(DataType.String, "STOP", "STOP")]
    [InlineData(DataType.Int64Array, "[-9223372036854775808, 1]", "[-9223372036854775808, 1]")]
    [InlineData(DataType.StringArray, "[\"a\",\"b\"]", "[\"a\",\"b\"]")]
    [InlineData(DataType.DoubleArray, "[0.5,2]", "[0.5, 2]")]
    public void Parse_TextForTheDatatype_FormatsBackTheSame(DataType dataType, string text, string expected)
    {
        var value = KuksaValues.Parse(dataType, text, out var problem);

        Assert.Null(problem);
        Assert.Equal(KuksaValues.Variant(dataType), value!.TypedValueCase);
        Assert.Equal(expected, KuksaValues.Format(value));
    }

    [Theory]
    [InlineData(DataType.Uint8, "-1")]
    [InlineData(DataType.Boolean, "yes")]
    [InlineData(DataType.Int32Array, "5")]
    [InlineData(DataType.Timestamp, "0")]
    public void Parse_NotTheDatatype_SaysWhy(DataType dataType, string text)
    {
        Assert.Null(KuksaValues.Parse(dataType, text, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void WireType_EveryCatalogDatatype_ScalarAndArrayMatchKuksaNumbers()
    {
        var uint8 = new SignalDefinition("A.B", SignalDataType.UInt8, SignalKind.Sensor, null, null, null, null);

        Assert.Equal(DataType.Uint8, KuksaValues.WireType(uint8));
        Assert.Equal(DataType.Uint8Array, KuksaValues.WireType(uint8 with { IsArray = true }));
        Assert.Equal(26, (int)KuksaValues.WireType(uint8 with { IsArray = true }));
        Assert.All(Enum.GetValues<SignalDataType>(), t =>
            Assert.Equal((int)KuksaValues.WireType(uint8 with { DataType = t }) + 19, (int)KuksaValues.WireType(uint8 with { DataType = t, IsArray = true })));
    }

    [Fact]
    public void FromSignalValue_FractionForAnInteger_WrongType()
    {
        var e = Assert.Throws<VehicleBusException>(() => KuksaValues.FromSignalValue("A.B", DataType.Uint8, SignalValue.FromNumber(2.5)));

        Assert.Equal(VehicleBusError.WrongType, e.Error);
    }

    [Fact]
    public void Encoding_Int32_IsZigzag()
    {
        // sint32 -1 is the varint 1 after zigzag; a plain int32 -1 would take ten bytes.
        var bytes = Google.Protobuf.MessageExtensions.ToByteArray(new Value { Int32 = -1 });

        Assert.Equal(new byte[] { 13 << 3, 1 }, bytes);
    }
}
