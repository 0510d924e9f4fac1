using Car.VehicleBus.Broker;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;
using static Car.VehicleBus.Tests.Broker.LoopbackBroker;

namespace Car.VehicleBus.Tests.Broker;

/// <summary>Every kuksa.val.v2 RPC against the real broker on loopback, with its error statuses.</summary>
public sealed class BrokerRpcTests : IAsyncLifetime
{
    private const string Speed = VssPaths.Speed;
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);
    private LoopbackBroker _bus = null!;

    public async Task InitializeAsync() => _bus = await StartAsync();

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    internal static async Task<RpcException> AssertStatus(StatusCode expected, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, e.StatusCode);
        return e;
    }

    [Fact]
    public async Task GetServerInfo_Always_NamesDatabrokerAndVersion()
    {
        var info = await _bus.Client.GetServerInfoAsync(new GetServerInfoRequest(), _bus.Options());

        Assert.Equal("databroker", info.Name);
        Assert.StartsWith("car-", info.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMetadata_EmptyRoot_ListsEverySignalWithIdsInCatalogOrder()
    {
        var response = await _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = "" }, _bus.Options());

        Assert.Equal(Catalog.Signals.Count, response.Metadata.Count);
        Assert.Equal(Enumerable.Range(0, Catalog.Signals.Count), response.Metadata.Select(m => m.Id));
    }

    [Fact]
    public async Task ListMetadata_Signal_DescribesTypeKindUnitAndRange()
    {
        var response = await _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = DriverWindow }, _bus.Options());

        var window = Assert.Single(response.Metadata);
        Assert.Equal(DriverWindow, window.Path);
        Assert.Equal(DataType.Uint8, window.DataType);
        Assert.Equal(EntryType.Actuator, window.EntryType);
        Assert.Equal("percent", window.Unit);
        Assert.Equal(0u, window.Min.Uint32);
        Assert.Equal(100u, window.Max.Uint32);
    }

    [Theory]
    [InlineData("Vehicle.Cabin.Door", 8)]
    [InlineData("Vehicle.Cabin.Door.*.*.IsLocked", 4)]
    [InlineData("Vehicle.Cabin.Door.**.Position", 4)]
    public async Task ListMetadata_BranchOrWildcard_MatchesTheSignalsBelow(string root, int expected)
    {
        var response = await _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = root }, _bus.Options());

        Assert.Equal(expected, response.Metadata.Count);
    }

    [Fact]
    public async Task ListMetadata_StringWithAllowedValues_ListsThemAsStringArray()
    {
        var response = await _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle.Test.String" }, _bus.Options());

        Assert.Equal(["OFF", "SLOW", "FAST"], response.Metadata.Single(m => m.Path == "Vehicle.Test.String").AllowedValues.StringArray.Values);
    }

    [Fact]
    public async Task ListMetadata_NothingMatches_NotFound() =>
        await AssertStatus(StatusCode.NotFound, () => _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle.Nothing" }, _bus.Options()).ResponseAsync);

    [Fact]
    public async Task ListMetadata_MalformedPattern_InvalidArgument() =>
        await AssertStatus(StatusCode.InvalidArgument, () => _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle..Sp*ed" }, _bus.Options()).ResponseAsync);

    [Fact]
    public async Task GetValue_NeverPublished_DatapointWithTimestampAndNoValue()
    {
        var response = await _bus.Client.GetValueAsync(new GetValueRequest { SignalId = Path(Speed) }, _bus.Options());

        Assert.NotNull(response.DataPoint.Timestamp);
        Assert.False(KuksaValues.HasValue(response.DataPoint.Value));
    }

    [Fact]
    public async Task GetValue_ById_ReadsTheSameSignal()
    {
        await Publish(Speed, new Value { Float = 42.5f });
        var id = (await _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = Speed }, _bus.Options())).Metadata[0].Id;

        var response = await _bus.Client.GetValueAsync(new GetValueRequest { SignalId = new SignalID { Id = id } }, _bus.Options());

        Assert.Equal(42.5f, response.DataPoint.Value.Float);
    }

    [Fact]
    public async Task GetValue_UnknownPathOrId_NotFound()
    {
        await AssertStatus(StatusCode.NotFound, () => _bus.Client.GetValueAsync(new GetValueRequest { SignalId = Path("Vehicle.Nope") }, _bus.Options()).ResponseAsync);
        await AssertStatus(StatusCode.NotFound, () => _bus.Client.GetValueAsync(new GetValueRequest { SignalId = new SignalID { Id = 99999 } }, _bus.Options()).ResponseAsync);
    }

    [Fact]
    public async Task GetValue_MissingIdOrOverlongPath_InvalidArgument()
    {
        await AssertStatus(StatusCode.InvalidArgument, () => _bus.Client.GetValueAsync(new GetValueRequest(), _bus.Options()).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => _bus.Client.GetValueAsync(new GetValueRequest { SignalId = Path(new string('a', 1001)) }, _bus.Options()).ResponseAsync);
    }

    [Fact]
    public async Task GetValues_SeveralSignals_InRequestOrder()
    {
        await Publish(Speed, new Value { Float = 10 });
        await Publish(DriverWindow, new Value { Uint32 = 30 });
        var request = new GetValuesRequest { SignalIds = { Path(DriverWindow), Path(Speed) } };

        var response = await _bus.Client.GetValuesAsync(request, _bus.Options());

        Assert.Equal(30u, response.DataPoints[0].Value.Uint32);
        Assert.Equal(10f, response.DataPoints[1].Value.Float);
    }

    [Fact]
    public async Task GetValues_EmptyList_EmptyAnswer()
    {
        var response = await _bus.Client.GetValuesAsync(new GetValuesRequest(), _bus.Options());

        Assert.Empty(response.DataPoints);
    }

    [Fact]
    public async Task GetValues_OneUnknown_WholeCallNotFound() =>
        await AssertStatus(StatusCode.NotFound, () => _bus.Client.GetValuesAsync(new GetValuesRequest { SignalIds = { Path(Speed), Path("Vehicle.Nope") } }, _bus.Options()).ResponseAsync);

    public static TheoryData<string, Value> EveryDatatype() => new()
    {
        { "Vehicle.Test.String", new Value { String = "SLOW" } },
        { "Vehicle.Test.Boolean", new Value { Bool = true } },
        { "Vehicle.Test.Int8", new Value { Int32 = -100 } },
        { "Vehicle.Test.Int16", new Value { Int32 = -32768 } },
        { "Vehicle.Test.Int32", new Value { Int32 = int.MinValue } },
        { "Vehicle.Test.Int64", new Value { Int64 = long.MinValue } },
        { "Vehicle.Test.UInt8", new Value { Uint32 = 200 } },
        { "Vehicle.Test.UInt16", new Value { Uint32 = 65535 } },
        { "Vehicle.Test.UInt32", new Value { Uint32 = uint.MaxValue } },
        { "Vehicle.Test.UInt64", new Value { Uint64 = ulong.MaxValue } },
        { "Vehicle.Test.Float", new Value { Float = -999.5f } },
        { "Vehicle.Test.Double", new Value { Double = 1e-300 } },
        { "Vehicle.Test.StringArray", new Value { StringArray = new StringArray { Values = { "OFF", "FAST", "OFF" } } } },
        { "Vehicle.Test.BooleanArray", new Value { BoolArray = new BoolArray { Values = { true, false } } } },
        { "Vehicle.Test.Int8Array", new Value { Int32Array = new Int32Array { Values = { -100, 0, 100 } } } },
        { "Vehicle.Test.Int16Array", new Value { Int32Array = new Int32Array { Values = { -1, short.MaxValue } } } },
        { "Vehicle.Test.Int32Array", new Value { Int32Array = new Int32Array { Values = { int.MinValue, -1, int.MaxValue } } } },
        { "Vehicle.Test.Int64Array", new Value { Int64Array = new Int64Array { Values = { long.MinValue, -1, long.MaxValue } } } },
        { "Vehicle.Test.UInt8Array", new Value { Uint32Array = new Uint32Array { Values = { 0, 200 } } } },
        { "Vehicle.Test.UInt16Array", new Value { Uint32Array = new Uint32Array { Values = { 65535 } } } },
        { "Vehicle.Test.UInt32Array", new Value { Uint32Array = new Uint32Array { Values = { uint.MaxValue, 0 } } } },
        { "Vehicle.Test.UInt64Array", new Value { Uint64Array = new Uint64Array { Values = { ulong.MaxValue, 1 } } } },
        { "Vehicle.Test.FloatArray", new Value { FloatArray = new FloatArray { Values = { 1.5f, -1000f } } } },
        { "Vehicle.Test.DoubleArray", new Value { DoubleArray = new DoubleArray { Values = { 0.1, 999.999 } } } },
        { "Vehicle.Test.Int32Array", new Value { Int32Array = new Int32Array() } },
    };

    [Theory]
    [MemberData(nameof(EveryDatatype))]
    public async Task PublishValue_EveryDatatype_ReadsBackTheSameValue(string path, Value value)
    {
        await Publish(path, value);

        var response = await _bus.Client.GetValueAsync(new GetValueRequest { SignalId = Path(path) }, _bus.Options());

        Assert.Equal(value, response.DataPoint.Value);
    }

    public static TheoryData<string, Value> RejectedValues() => new()
    {
        { "Vehicle.Test.Float", new Value { Double = 1 } },
        { "Vehicle.Test.Int8", new Value { Int32 = 101 } },
        { "Vehicle.Test.Int16", new Value { Int32 = 40000 } },
        { "Vehicle.Test.UInt8", new Value { Uint32 = 256 } },
        { "Vehicle.Test.UInt16", new Value { Uint32 = 70000 } },
        { "Vehicle.Test.Int64", new Value { Int32 = 1 } },
        { "Vehicle.Test.String", new Value { String = "MEDIUM" } },
        { "Vehicle.Test.StringArray", new Value { StringArray = new StringArray { Values = { "OFF", "MEDIUM" } } } },
        { "Vehicle.Test.Int8Array", new Value { Int32Array = new Int32Array { Values = { 0, -101 } } } },
        { "Vehicle.Test.Int8Array", new Value { Int32 = 1 } },
        { "Vehicle.Test.Boolean", new Value { String = "true" } },
        { "Vehicle.Test.Double", new Value { Double = 1000.5 } },
    };

    [Theory]
    [MemberData(nameof(RejectedValues))]
    public async Task PublishValue_WrongVariantOrOutOfRange_InvalidArgument(string path, Value value) =>
        await AssertStatus(StatusCode.InvalidArgument, () => Publish(path, value));

    [Fact]
    public async Task PublishValue_NoDatapoint_InvalidArgument() =>
        await AssertStatus(StatusCode.InvalidArgument, () => _bus.Client.PublishValueAsync(new PublishValueRequest { SignalId = Path(Speed) }, _bus.Options()).ResponseAsync);

    [Fact]
    public async Task PublishValue_UnknownSignal_NotFound() =>
        await AssertStatus(StatusCode.NotFound, () => Publish("Vehicle.Nope", new Value { Float = 1 }));

    [Fact]
    public async Task PublishValue_DatapointWithoutValue_ClearsTheValue()
    {
        await Publish(Speed, new Value { Float = 5 });

        await _bus.Client.PublishValueAsync(new PublishValueRequest { SignalId = Path(Speed), DataPoint = new Datapoint() }, _bus.Options());

        var response = await _bus.Client.GetValueAsync(new GetValueRequest { SignalId = Path(Speed) }, _bus.Options());
        Assert.False(KuksaValues.HasValue(response.DataPoint.Value));
    }

    [Fact]
    public async Task Subscribe_Opened_FirstMessageHoldsEverySignalThenOnlyChanges()
    {
        await Publish(Speed, new Value { Float = 1 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = _bus.Client.Subscribe(new SubscribeRequest { SignalPaths = { Speed, DriverWindow } }, _bus.Options(cancel.Token));
        var stream = call.ResponseStream;

        Assert.True(await stream.MoveNext(cancel.Token));
        var first = stream.Current;
        await Publish(DriverWindow, new Value { Uint32 = 40 });
        Assert.True(await stream.MoveNext(cancel.Token));
        var second = stream.Current;

        Assert.Equal(1f, first.Entries[Speed].Value.Float);
        Assert.False(KuksaValues.HasValue(first.Entries[DriverWindow].Value));
        Assert.Equal(40u, Assert.Single(second.Entries).Value.Value.Uint32);
    }

    [Fact]
    public async Task Subscribe_FiftySubscribers_EachSeesThePublishedValue()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var calls = Enumerable.Range(0, 50)
            .Select(_ => _bus.Client.Subscribe(new SubscribeRequest { SignalPaths = { Speed } }, _bus.Options(cancel.Token))).ToList();
        try
        {
            foreach (var call in calls)
            {
                Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
            }

            await Publish(Speed, new Value { Float = 77 });

            foreach (var call in calls)
            {
                Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
                Assert.Equal(77f, call.ResponseStream.Current.Entries[Speed].Value.Float);
            }
        }
        finally
        {
            calls.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Subscribe_UnknownPath_NotFound() =>
        await AssertStatus(StatusCode.NotFound, () => FirstMessage(new SubscribeRequest { SignalPaths = { Speed, "Vehicle.Nope" } }));

    [Fact]
    public async Task Subscribe_NoPathsOrHugeBuffer_InvalidArgument()
    {
        await AssertStatus(StatusCode.InvalidArgument, () => FirstMessage(new SubscribeRequest()));
        await AssertStatus(StatusCode.InvalidArgument, () => FirstMessage(new SubscribeRequest { SignalPaths = { Speed }, BufferSize = 1001 }));
    }

    [Fact]
    public async Task SubscribeById_Opened_KeysUpdatesById()
    {
        var id = (await _bus.Client.ListMetadataAsync(new ListMetadataRequest { Root = Speed }, _bus.Options())).Metadata[0].Id;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = _bus.Client.SubscribeById(new SubscribeByIdRequest { SignalIds = { id } }, _bus.Options(cancel.Token));
        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));

        await Publish(Speed, new Value { Float = 88 });
        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));

        Assert.Equal(88f, call.ResponseStream.Current.Entries[id].Value.Float);
    }

    [Fact]
    public async Task SubscribeById_UnknownId_NotFound()
    {
        using var call = _bus.Client.SubscribeById(new SubscribeByIdRequest { SignalIds = { 123456 } }, _bus.Options());
        await AssertStatus(StatusCode.NotFound, () => call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Actuate_NoProvider_Unavailable() =>
        await AssertStatus(StatusCode.Unavailable, () => Actuate(DriverWindow, new Value { Uint32 = 50 }));

    [Fact]
    public async Task Actuate_Sensor_InvalidArgument() =>
        await AssertStatus(StatusCode.InvalidArgument, () => Actuate(Speed, new Value { Float = 50 }));

    [Fact]
    public async Task Actuate_OutOfRangeOrNoValue_InvalidArgument()
    {
        await using var provider = await TestProvider.ClaimAsync(_bus, DriverWindow);

        await AssertStatus(StatusCode.InvalidArgument, () => Actuate(DriverWindow, new Value { Uint32 = 101 }));
        await AssertStatus(StatusCode.InvalidArgument, () => Actuate(DriverWindow, new Value()));
    }

    [Fact]
    public async Task Actuate_UnknownSignal_NotFound() =>
        await AssertStatus(StatusCode.NotFound, () => Actuate("Vehicle.Nope", new Value { Uint32 = 1 }));

    [Fact]
    public async Task Actuate_ClaimedActuator_ForwardsIdAndValueToTheProvider()
    {
        await using var provider = await TestProvider.ClaimAsync(_bus, DriverWindow);

        await Actuate(DriverWindow, new Value { Uint32 = 50 });

        var request = Assert.Single((await provider.NextActuationAsync()).ActuateRequests);
        Assert.Equal(provider.Ids[DriverWindow], request.SignalId.Id);
        Assert.Equal(50u, request.Value.Uint32);
    }

    [Fact]
    public async Task ActuateStream_SeveralRequests_AllForwardedInOrder()
    {
        await using var provider = await TestProvider.ClaimAsync(_bus, DriverWindow);
        using var call = _bus.Client.ActuateStream(_bus.Options());

        foreach (var position in new uint[] { 10, 20, 30 })
        {
            await call.RequestStream.WriteAsync(new ActuateRequest { SignalId = Path(DriverWindow), Value = new Value { Uint32 = position } });
        }

        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;

        var forwarded = new List<uint>();
        for (var i = 0; i < 3; i++)
        {
            forwarded.AddRange((await provider.NextActuationAsync()).ActuateRequests.Select(r => r.Value.Uint32));
        }

        Assert.Equal([10u, 20u, 30u], forwarded);
    }

    [Fact]
    public async Task ActuateStream_BadRequest_EndsTheCallWithItsStatus()
    {
        using var call = _bus.Client.ActuateStream(_bus.Options());

        await call.RequestStream.WriteAsync(new ActuateRequest { SignalId = Path(Speed), Value = new Value { Float = 1 } });

        await AssertStatus(StatusCode.InvalidArgument, () => call.ResponseAsync);
    }

    [Fact]
    public async Task BatchActuate_OneInvalid_NothingForwarded()
    {
        var passenger = VssPaths.WindowPosition(VssPlaces.PassengerSide);
        await using var provider = await TestProvider.ClaimAsync(_bus, DriverWindow, passenger);
        var batch = new BatchActuateRequest
        {
            ActuateRequests =
            {
                new ActuateRequest { SignalId = Path(DriverWindow), Value = new Value { Uint32 = 50 } },
                new ActuateRequest { SignalId = Path(passenger), Value = new Value { Uint32 = 500 } },
            },
        };

        await AssertStatus(StatusCode.InvalidArgument, () => _bus.Client.BatchActuateAsync(batch, _bus.Options()).ResponseAsync);

        Assert.False(await provider.HasActuationWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task BatchActuate_OneWithoutProvider_UnavailableAndNothingForwarded()
    {
        await using var provider = await TestProvider.ClaimAsync(_bus, DriverWindow);
        var batch = new BatchActuateRequest
        {
            ActuateRequests =
            {
                new ActuateRequest { SignalId = Path(DriverWindow), Value = new Value { Uint32 = 50 } },
                new ActuateRequest { SignalId = Path(VssPaths.SunroofPosition), Value = new Value { Int32 = 50 } },
            },
        };

        await AssertStatus(StatusCode.Unavailable, () => _bus.Client.BatchActuateAsync(batch, _bus.Options()).ResponseAsync);

        Assert.False(await provider.HasActuationWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task BatchActuate_AllValid_ForwardsEach()
    {
        var passenger = VssPaths.WindowPosition(VssPlaces.PassengerSide);
        await using var provider = await TestProvider.ClaimAsync(_bus, DriverWindow, passenger);
        var batch = new BatchActuateRequest
        {
            ActuateRequests =
            {
                new ActuateRequest { SignalId = Path(DriverWindow), Value = new Value { Uint32 = 50 } },
                new ActuateRequest { SignalId = Path(passenger), Value = new Value { Uint32 = 60 } },
            },
        };

        await _bus.Client.BatchActuateAsync(batch, _bus.Options());

        Assert.Equal([50u, 60u], (await provider.NextActuationAsync()).ActuateRequests.Select(r => r.Value.Uint32));
    }

    [Fact]
    public async Task BatchActuate_Empty_OkAndNothingHappens() =>
        await _bus.Client.BatchActuateAsync(new BatchActuateRequest(), _bus.Options());

    private Task<PublishValueResponse> Publish(string path, Value value) =>
        _bus.Client.PublishValueAsync(new PublishValueRequest { SignalId = Path(path), DataPoint = new Datapoint { Value = value } }, _bus.Options()).ResponseAsync;

    private Task<ActuateResponse> Actuate(string path, Value value) =>
        _bus.Client.ActuateAsync(new ActuateRequest { SignalId = Path(path), Value = value }, _bus.Options()).ResponseAsync;

    private async Task FirstMessage(SubscribeRequest request)
    {
        using var call = _bus.Client.Subscribe(request, _bus.Options());
        await call.ResponseStream.MoveNext();
    }
}
