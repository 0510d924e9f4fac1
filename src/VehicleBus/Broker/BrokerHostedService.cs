using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Broker;

/// <summary>Runs the <see cref="BrokerServer"/> for the host's lifetime (<c>car serve</c>).</summary>
internal sealed partial class BrokerHostedService(
    VehicleBroker broker, IOptions<BrokerOptions> options, BrokerEndpoint endpoint, ILoggerFactory loggerFactory, ILogger<BrokerHostedService> logger)
    : IHostedService, IAsyncDisposable
{
    private BrokerServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _server = await BrokerServer.StartAsync(broker, options.Value, loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            endpoint.Failed(e);
            throw;
        }

        endpoint.Started(_server.Address);
        Log.Listening(logger, _server.Address, options.Value.JwtPublicKeyFile is { Length: > 0 });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "kuksa.val.v2 broker listening on {Address} (authorization: {Authorization})")]
        public static partial void Listening(ILogger logger, Uri address, bool authorization);
    }
}
