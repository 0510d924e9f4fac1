using Car.VehicleBus.Broker;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Options;
using static Car.VehicleBus.Tests.Broker.BrokerRpcTests;
using static Car.VehicleBus.Tests.Broker.LoopbackBroker;

namespace Car.VehicleBus.Tests.Broker;

/// <summary>JWT authorization with KUKSA's scopes: tokens refused, scopes allowed and denied per RPC.</summary>
public sealed class AuthorizationTests : IAsyncLifetime, IDisposable
{
    private static readonly string DriverWindow = VssPaths.WindowPosition(VssPlaces.DriverSide);
    private readonly TestTokens _tokens = new();
    private LoopbackBroker _bus = null!;

    public async Task InitializeAsync() =>
        _bus = await StartAsync(new BrokerOptions { Url = "http://127.0.0.1:0", JwtPublicKeyFile = _tokens.PublicKeyFile });

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    public void Dispose() => _tokens.Dispose();

    [Fact]
    public async Task AnyRpc_NoToken_Unauthenticated()
    {
        using var anonymous = _bus.Connect(null);

        await AssertStatus(StatusCode.Unauthenticated, () => anonymous.Client.GetServerInfoAsync(new GetServerInfoRequest(), anonymous.Options(default)).ResponseAsync);
        await AssertStatus(StatusCode.Unauthenticated, () => anonymous.Client.ListMetadataAsync(new ListMetadataRequest(), anonymous.Options(default)).ResponseAsync);
    }

    [Fact]
    public async Task AnyRpc_ExpiredForgedOrWrongAudience_Unauthenticated()
    {
        using var other = new TestTokens();
        foreach (var token in new[]
        {
            _tokens.Issue("read", lifetime: TimeSpan.FromMinutes(-1)),
            other.Issue("read"),
            _tokens.Issue("read", audience: "VIN123/kuksa.val"),
            _tokens.Issue("fly"),
            "not.a.token",
        })
        {
            using var connection = _bus.Connect(token);
            await AssertStatus(StatusCode.Unauthenticated, () => Get(connection, VssPaths.Speed));
        }
    }

    [Fact]
    public async Task GetValue_ReadScope_Allowed()
    {
        using var reader = _bus.Connect(_tokens.Issue("read"));

        await Get(reader, VssPaths.Speed);
    }

    [Fact]
    public async Task GetValue_ReadScopeForAnotherBranch_PermissionDenied()
    {
        using var reader = _bus.Connect(_tokens.Issue("read:Vehicle.Cabin.Door"));

        await Get(reader, DriverWindow);
        await AssertStatus(StatusCode.PermissionDenied, () => Get(reader, VssPaths.Speed));
    }

    [Fact]
    public async Task GetValue_WildcardScopeWithDigits_MatchesOneLevel()
    {
        using var reader = _bus.Connect(_tokens.Issue("read:Vehicle.Cabin.Door.Row2.*.IsLocked"));

        await Get(reader, VssPaths.DoorLocked(VssPlaces.RearDriverSide));
        await AssertStatus(StatusCode.PermissionDenied, () => Get(reader, VssPaths.DoorLocked(VssPlaces.DriverSide)));
    }

    [Fact]
    public async Task Actuate_ReadOnlyToken_PermissionDenied()
    {
        using var reader = _bus.Connect(_tokens.Issue("read"));

        await AssertStatus(StatusCode.PermissionDenied, () =>
            reader.Client.ActuateAsync(new ActuateRequest { SignalId = Path(DriverWindow), Value = new Value { Uint32 = 5 } }, reader.Options(default)).ResponseAsync);
    }

    [Fact]
    public async Task Actuate_ActuateScope_PassesTheCheckAndMeetsNoProvider()
    {
        using var driver = _bus.Connect(_tokens.Issue("actuate:Vehicle.Cabin"));

        await AssertStatus(StatusCode.Unavailable, () =>
            driver.Client.ActuateAsync(new ActuateRequest { SignalId = Path(DriverWindow), Value = new Value { Uint32 = 5 } }, driver.Options(default)).ResponseAsync);
    }

    [Fact]
    public async Task PublishValue_ReadOrActuateScope_PermissionDeniedProvideAllowed()
    {
        var publish = new PublishValueRequest { SignalId = Path(VssPaths.Speed), DataPoint = new Datapoint { Value = new Value { Float = 3 } } };
        using var reader = _bus.Connect(_tokens.Issue("read actuate"));
        using var provider = _bus.Connect(_tokens.Issue("provide:Vehicle.Speed"));

        await AssertStatus(StatusCode.PermissionDenied, () => reader.Client.PublishValueAsync(publish, reader.Options(default)).ResponseAsync);
        await provider.Client.PublishValueAsync(publish, provider.Options(default));
    }

    [Fact]
    public async Task OpenProviderStream_ClaimWithoutActuateScope_PermissionDenied()
    {
        using var connection = _bus.Connect(_tokens.Issue("provide"));
        await using var provider = await TestProvider.OpenAsync(_bus, connection);

        await provider.SendAsync(new OpenProviderStreamRequest { ProvideActuationRequest = new ProvideActuationRequest { ActuatorIdentifiers = { Path(DriverWindow) } } });

        Assert.Equal(StatusCode.PermissionDenied, (await provider.EndAsync()).StatusCode);
    }

    [Fact]
    public async Task Subscribe_SignalsTheTokenMayNotRead_LeftOutWithoutError()
    {
        using var reader = _bus.Connect(_tokens.Issue("read:Vehicle.Speed"));
        using var call = reader.Client.Subscribe(new SubscribeRequest { SignalPaths = { VssPaths.Speed, DriverWindow } }, reader.Options(default));

        Assert.True(await call.ResponseStream.MoveNext());

        Assert.Equal([VssPaths.Speed], call.ResponseStream.Current.Entries.Keys);
    }

    [Fact]
    public async Task Subscribe_TokenExpiresDuringTheStream_EndsUnauthenticated()
    {
        using var reader = _bus.Connect(_tokens.Issue("read", lifetime: TimeSpan.FromSeconds(6)));
        using var call = reader.Client.Subscribe(new SubscribeRequest { SignalPaths = { VssPaths.Speed } }, reader.Options(default));
        Assert.True(await call.ResponseStream.MoveNext());

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task GetValue_EllipticKeyES256_Allowed()
    {
        using var elliptic = new TestTokens(elliptic: true);
        await using var bus = await StartAsync(new BrokerOptions { Url = "http://127.0.0.1:0", JwtPublicKeyFile = elliptic.PublicKeyFile });
        using var reader = bus.Connect(elliptic.Issue("read"));

        await Get(reader, VssPaths.Speed);
    }

    [Fact]
    public async Task StartAsync_BeyondLoopbackWithoutKey_RefusesToStart()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new BrokerOptions { Url = "http://0.0.0.0:0" }));

        Assert.Contains("JwtPublicKeyFile", e.Message, StringComparison.Ordinal);
    }

    private static Task<GetValueResponse> Get(Car.VehicleBus.Client.KuksaConnection connection, string path) =>
        connection.Client.GetValueAsync(new GetValueRequest { SignalId = Path(path) }, connection.Options(default)).ResponseAsync;
}
