using Car.VehicleBus.Broker;
using Car.VehicleBus.Client;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Tests.Broker;

/// <summary>A real broker on 127.0.0.1 (a free port) over <see cref="Catalog"/>, and a client connection to it.</summary>
internal sealed class LoopbackBroker : IAsyncDisposable
{
    private LoopbackBroker(VehicleBroker broker, BrokerServer server, string? token)
    {
        Broker = broker;
        Server = server;
        Connection = new KuksaConnection(server.Address, token);
    }

    /// <summary>The bundled catalog plus one actuator and one sensor of every VSS datatype, scalar and array, under Vehicle.Test.</summary>
    public static SignalCatalog Catalog { get; } = new(TestCatalog.Bundled.Signals.Concat(TestSignals()));

    public VehicleBroker Broker { get; }

    public BrokerServer Server { get; }

    public KuksaConnection Connection { get; }

    public VAL.VALClient Client => Connection.Client;

    public static async Task<LoopbackBroker> StartAsync(BrokerOptions? options = null, string? token = null)
    {
        var broker = new VehicleBroker(Catalog, TimeProvider.System);
        var server = await BrokerServer.StartAsync(broker, options ?? new BrokerOptions { Url = "http://127.0.0.1:0" });
        return new LoopbackBroker(broker, server, token);
    }

    public KuksaConnection Connect(string? token) => new(Server.Address, token);

    public CallOptions Options(CancellationToken cancellationToken = default) => Connection.Options(cancellationToken, TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }

    public static SignalID Path(string path) => new() { Path = path };

    private static IEnumerable<SignalDefinition> TestSignals()
    {
        foreach (var type in Enum.GetValues<SignalDataType>())
        {
            (double? Min, double? Max) range = type switch
            {
                SignalDataType.Int8 => (-100, 100),
                SignalDataType.UInt8 => (0, 200),
                SignalDataType.Int16 => (short.MinValue, short.MaxValue),
                SignalDataType.UInt16 => (0, ushort.MaxValue),
                SignalDataType.Float or SignalDataType.Double => (-1000, 1000),
                _ => (null, null),
            };
            var (min, max) = range;
            IReadOnlyList<string>? allowed = type == SignalDataType.String ? ["OFF", "SLOW", "FAST"] : null;
            yield return new SignalDefinition($"Vehicle.Test.{type}", type, SignalKind.Actuator, null, min, max, allowed);
            yield return new SignalDefinition($"Vehicle.Test.{type}Array", type, SignalKind.Actuator, null, min, max, allowed, IsArray: true);
        }

        yield return new SignalDefinition("Vehicle.Test.Attribute", SignalDataType.String, SignalKind.Attribute, null, null, null, null);
    }
}
