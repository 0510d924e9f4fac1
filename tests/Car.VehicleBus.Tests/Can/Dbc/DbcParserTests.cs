using Car.VehicleBus.Can.Dbc;

namespace Car.VehicleBus.Tests.Can.Dbc;

public class DbcParserTests
{
    private const string Header = "VERSION \"t\"\n\nNS_ :\n\tCM_\n\tVAL_\n\nBS_:\n\nBU_: A B\n\n";

    [Fact]
    public void Load_SampleNetwork_ReadsNodesMessagesAndComment()
    {
        var dbc = SampleNetwork.Dbc;

        Assert.Equal("car-body-climate 1.0", dbc.Version);
        Assert.Equal(["HU", "BCM", "HVAC"], dbc.Nodes);
        Assert.Equal(10, dbc.Messages.Count);
        Assert.StartsWith("Car's simulated body and climate network", dbc.Comment, StringComparison.Ordinal);
        Assert.Equal("NoRequest", dbc.ValueTables["Request2"][0]);
    }

    [Fact]
    public void Load_SampleNetwork_ReadsEverySignalField()
    {
        Assert.True(SampleNetwork.Dbc.TryGetMessage(0x320, isExtended: false, out var hvac));
        var cabin = hvac.FindSignal("CabinTemp")!;

        Assert.Equal("HVAC_Status", hvac.Name);
        Assert.Equal(8, hvac.Length);
        Assert.Equal("HVAC", hvac.Transmitter);
        Assert.Equal(TimeSpan.FromMilliseconds(200), hvac.CycleTime);
        Assert.Equal("Climate ECU's state, Motorola byte order, every 200 ms.", hvac.Comment);
        Assert.Equal(
            new DbcSignal
            {
                Name = "CabinTemp", StartBit = 23, Length = 12, ByteOrder = DbcByteOrder.Motorola, ValueType = DbcValueType.Unsigned,
                Factor = 0.1, Offset = -40, Minimum = -40, Maximum = 85, Unit = "degC", Receivers = cabin.Receivers,
                Comment = "Cabin air temperature.", ValueDescriptions = cabin.ValueDescriptions,
            },
            cabin);
        Assert.Equal(["HU"], cabin.Receivers);
    }

    [Fact]
    public void Load_SampleNetwork_ReadsValueTablesStartValuesAndMultiplexing()
    {
        Assert.True(SampleNetwork.Dbc.TryGetMessage("HU_BodyCommand", out var body));
        Assert.True(SampleNetwork.Dbc.TryGetMessage("BCM_SeatStatus", out var seats));
        var sunroof = body.FindSignal("SunroofTarget")!;

        Assert.Equal(DbcValueType.Signed, sunroof.ValueType);
        Assert.Equal(-128, sunroof.StartValue);
        Assert.Equal("NoRequest", sunroof.ValueDescriptions[-128]);
        Assert.True(body.FindSignal("LockReqFL")!.TryGetRawValue("lock", out var lockRaw));
        Assert.Equal(2, lockRaw);
        Assert.Equal("SeatIndex", seats.Multiplexor!.Name);
        Assert.Equal(2, seats.FindSignal("SeatClimateRL")!.MultiplexValue);
        Assert.Null(seats.FindSignal("SeatIndex")!.MultiplexValue);
    }

    [Fact]
    public void Parse_ExtendedIdentifierAndFloatSignal_Understood()
    {
        var dbc = DbcParser.Parse(Header + """
            BO_ 2566853172 Engine: 8 A
             SG_ Torque : 0|32@1- (1,0) [0|0] "Nm" B
             SG_ Wide : 32|32@1+ (1,0) [0|0] "" Vector__XXX

            SIG_VALTYPE_ 2566853172 Torque : 1;
            CM_ SG_ 2566853172 Torque "Engine torque; as a float.";
            """);

        Assert.True(dbc.TryGetMessage(0x18FF1234, isExtended: true, out var engine));
        Assert.Equal(DbcValueType.Float32, engine.FindSignal("Torque")!.ValueType);
        Assert.Equal("Engine torque; as a float.", engine.FindSignal("Torque")!.Comment);
        Assert.Equal(DbcValueType.Unsigned, engine.FindSignal("Wide")!.ValueType);
    }

    [Fact]
    public void Parse_IndependentSignalsMessageAndUnknownSections_PassedOver()
    {
        var dbc = DbcParser.Parse(Header + """
            BO_ 3221225472 VECTOR__INDEPENDENT_SIG_MSG: 0 Vector__XXX
             SG_ Orphan : 0|8@1+ (1,0) [0|0] "" Vector__XXX

            BO_ 100 Plain: 1 A
             SG_ Level : 0|8@1+ (1,0) [0|255] "" B

            BA_DEF_ SG_ "Something" STRING ;
            BA_ "Something" SG_ 100 Level "with ; inside";
            EV_ Env: 0 [0|1] "" 0 1 DUMMY_NODE_VECTOR0 Vector__XXX;
            VAL_ Env 0 "off" 1 "on";
            """);

        Assert.Single(dbc.Messages);
        Assert.Equal("Plain", dbc.Messages[0].Name);
    }

    [Fact]
    public void Parse_DefaultStartValue_AppliesToSignalsWithoutTheirOwn()
    {
        var dbc = DbcParser.Parse(Header + """
            BO_ 100 M: 2 A
             SG_ Own : 0|8@1+ (1,0) [0|0] "" B
             SG_ Other : 8|8@1+ (1,0) [0|0] "" B

            BA_DEF_DEF_ "GenSigStartValue" 255;
            BA_ "GenSigStartValue" SG_ 100 Own 7;
            """);

        Assert.Equal([7L, 255L], dbc.Messages[0].Signals.Select(s => s.StartValue));
    }

    [Theory]
    [InlineData(" SG_ S : 0|8@2+ (1,0) [0|0] \"\" B", "byte order '2'", 12)]
    [InlineData(" SG_ S : 4|8@1+ (1,0) [0|0] \"\" B", "runs past the 1 bytes", 12)]
    [InlineData(" SG_ S : 3|8@0+ (1,0) [0|0] \"\" B", "runs past the 1 bytes", 12)]
    [InlineData(" SG_ S : 0|8@1+ (0,0) [0|0] \"\" B", "factor of 0", 12)]
    [InlineData(" SG_ S m1M : 0|8@1+ (1,0) [0|0] \"\" B", "extended multiplexing", 12)]
    [InlineData(" SG_ S m1 : 0|8@1+ (1,0) [0|0] \"\" B", "exactly one multiplexor", 11)]
    public void Parse_BadSignal_SaysWhatAndWhere(string signalLine, string expected, int line)
    {
        var error = Assert.Throws<DbcFormatException>(() => DbcParser.Parse(Header + "BO_ 100 M: 1 A\n" + signalLine + "\n"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_ExtendedMultiplexingTable_Refused()
    {
        var error = Assert.Throws<DbcFormatException>(() => DbcParser.Parse(Header + "SG_MUL_VAL_ 100 S M 1-1;\n"));

        Assert.Contains("SG_MUL_VAL_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValueTableForUnknownSignal_Refused()
    {
        var error = Assert.Throws<DbcFormatException>(() => DbcParser.Parse(Header + "BO_ 100 M: 1 A\n\nVAL_ 100 Nope 0 \"x\";\n"));

        Assert.Contains("no signal Nope", error.Message, StringComparison.Ordinal);
    }
}
