using Car.VehicleBus.Broker;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;
using static Car.VehicleBus.Tests.Broker.LoopbackBroker;

namespace Car.VehicleBus.Tests.Broker;

/// <summary>OpenProviderStream: claims, their conflicts and release, publishing on the stream, disconnects.</summary>
public sealed class ProviderStreamTests : IAsyncLifetime
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);
    private LoopbackBroker _bus = null!;

    public async Task InitializeAsync() => _bus = await StartAsync();

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task ProvideActuation_AlreadyClaimedByAnother_AlreadyExistsEndsTheSecondCall()
    {
        await using var first = await TestProvider.ClaimAsync(_bus, DriverWindow);
        await using var second = await TestProvider.OpenAsync(_bus);

        await second.SendAsync(new OpenProviderStreamRequest { ProvideActuationRequest = new ProvideActuationRequest { ActuatorIdentifiers = { Path(DriverWindow) } } });

        Assert.Equal(StatusCode.AlreadyExists, (await second.EndAsync()).StatusCode);
    }

    [Fact]
    public async Task ProvideActuation_UnknownSignal_NotFoundEndsTheCall()
    {
        await using var provider = await TestProvider.OpenAsync(_bus);

        await provider.SendAsync(new OpenProviderStreamRequest { ProvideActuationRequest = new ProvideActuationRequest { ActuatorIdentifiers = { Path("Vehicle.Nope") } } });

        Assert.Equal(StatusCode.NotFound, (await provider.EndAsync()).StatusCode);
    }

    [Fact]
    public async Task Disconnect_ProviderLeaves_ActuateUnavailableAndAnotherMayClaim()
    {
        var first = await TestProvider.ClaimAsync(_bus, DriverWindow);
        await first.DisposeAsync();

        await WaitUntilAsync(async () =>
        {
            try
            {
                await Actuate(DriverWindow, 10);
                return false;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return true;
            }
        });
        await using var second = await TestProvider.ClaimAsync(_bus, DriverWindow);
        await Actuate(DriverWindow, 20);

        Assert.Equal(20u, (await second.NextActuationAsync()).ActuateRequests[0].Value.Uint32);
    }

    [Fact]
    public async Task Disconnect_ProviderOfASignalLeaves_SubscribersSeeItWithoutValue()
    {
        var provider = await TestProvider.ClaimAsync(_bus, DriverWindow);
        await provider.ProvideAsync(DriverWindow);
        await provider.PublishAsync(DriverWindow, new Value { Uint32 = 30 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = _bus.Client.Subscribe(new SubscribeRequest { SignalPaths = { DriverWindow } }, _bus.Options(cancel.Token));
        Datapoint? seen = null;
        while (seen is null || !KuksaValues.HasValue(seen.Value))
        {
            Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
            seen = call.ResponseStream.Current.Entries[DriverWindow];
        }

        await provider.DisposeAsync();
        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));

        Assert.False(KuksaValues.HasValue(call.ResponseStream.Current.Entries[DriverWindow].Value));
    }

    [Fact]
    public async Task PublishValues_Registered_StoredAndSilentOnSuccess()
    {
        await using var provider = await TestProvider.OpenAsync(_bus);
        await provider.ProvideAsync(VssPaths.Speed);

        await provider.PublishAsync(VssPaths.Speed, new Value { Float = 33 });

        await WaitUntilAsync(async () => (await Get(VssPaths.Speed)).Value?.Float == 33f);
        Assert.False(await ReceivesAnythingAsync(provider));
    }

    [Fact]
    public async Task PublishValues_BadValue_AnswersWithTheFailedIdAndRequestId()
    {
        await using var provider = await TestProvider.OpenAsync(_bus);
        await provider.ProvideAsync(DriverWindow);

        await provider.PublishAsync(DriverWindow, new Value { Uint32 = 300 }, requestId: 42);

        var answer = (await provider.NextAsync()).PublishValuesResponse;
        Assert.Equal(42u, answer.RequestId);
        Assert.Equal(ErrorCode.InvalidArgument, answer.Status[provider.Ids[DriverWindow]].Code);
    }

    [Fact]
    public async Task PublishValues_BeforeProvideSignal_Aborted()
    {
        await using var provider = await TestProvider.OpenAsync(_bus);

        await provider.PublishAsync(VssPaths.Speed, new Value { Float = 1 });

        Assert.Equal(StatusCode.Aborted, (await provider.EndAsync()).StatusCode);
    }

    [Fact]
    public async Task PublishValues_SignalNotRegisteredByThisStream_AlreadyExists()
    {
        await using var provider = await TestProvider.OpenAsync(_bus);
        await provider.ProvideAsync(VssPaths.Speed);

        await provider.PublishAsync(DriverWindow, new Value { Uint32 = 1 });

        Assert.Equal(StatusCode.AlreadyExists, (await provider.EndAsync()).StatusCode);
    }

    [Fact]
    public async Task ProvideSignal_RegisteredByAnother_AlreadyExists()
    {
        await using var first = await TestProvider.OpenAsync(_bus);
        await first.ProvideAsync(VssPaths.Speed);
        await using var second = await TestProvider.OpenAsync(_bus);

        var provide = new ProvideSignalRequest();
        provide.SignalsSampleIntervals[second.Ids[VssPaths.Speed]] = new SampleInterval();
        await second.SendAsync(new OpenProviderStreamRequest { ProvideSignalRequest = provide });

        Assert.Equal(StatusCode.AlreadyExists, (await second.EndAsync()).StatusCode);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not come true in time.");
            await Task.Delay(20);
        }
    }

    private static async Task<bool> ReceivesAnythingAsync(TestProvider provider)
    {
        try
        {
            await provider.NextAsync(TimeSpan.FromMilliseconds(300));
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<Datapoint> Get(string path) =>
        (await _bus.Client.GetValueAsync(new GetValueRequest { SignalId = Path(path) }, _bus.Options())).DataPoint;

    private Task<ActuateResponse> Actuate(string path, uint value) =>
        _bus.Client.ActuateAsync(new ActuateRequest { SignalId = Path(path), Value = new Value { Uint32 = value } }, _bus.Options()).ResponseAsync;
}
