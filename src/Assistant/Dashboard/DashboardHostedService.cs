using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dashboard;

/// <summary>Runs the <see cref="DashboardServer"/> for the host's lifetime (<c>car serve</c>) unless <c>Dashboard:Url</c> is empty.</summary>
internal sealed partial class DashboardHostedService(
    IServiceProvider car, IOptions<DashboardOptions> options, DashboardEndpoint endpoint, ILoggerFactory loggerFactory, ILogger<DashboardHostedService> logger)
    : IHostedService, IAsyncDisposable
{
    private DashboardServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Url))
        {
            endpoint.Started(null);
            return;
        }

        // The log and the talk button's feed listen from the start, so that they miss nothing.
        _ = car.GetService(typeof(TurnLog));
        _ = car.GetService(typeof(TalkFeed));
        try
        {
            _server = await DashboardServer.StartAsync(car, options.Value, loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            endpoint.Failed(e);
            throw;
        }

        endpoint.Started(_server.Address);
        Log.Listening(logger, _server.Address);
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
        [LoggerMessage(Level = LogLevel.Information, Message = "dashboard on {Address}")]
        public static partial void Listening(ILogger logger, Uri address);
    }
}
