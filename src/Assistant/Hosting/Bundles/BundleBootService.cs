using Car.Ota.Health;
using Car.Ota.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// At each start of the long-running car (the interactive session, <c>car serve</c>): counts a start of a bundle
/// still awaiting its health check (rolling back a crash loop), then runs the check, which confirms the bundle or
/// rolls back; a change reaches the engines through <see cref="IActiveBundle"/>.
/// </summary>
internal sealed partial class BundleBootService(BundleActivation activation, BundleStore store, ActiveBundle active, ILogger<BundleBootService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var booted = await activation.BootAsync(cancellationToken).ConfigureAwait(false);
            if (booted.Slot != active.Current.Slot)
            {
                active.Publish(booted);
            }

            var pointer = await store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
            if (pointer.Pending)
            {
                _ = await activation.CheckAsync(0, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Car.Ota.BundleInstallException e)
        {
            Log.RolledBack(logger, e.Message);
        }
        catch (IOException e)
        {
            Log.StoreUnreadable(logger, store.Root, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
        public static partial void RolledBack(ILogger logger, string message);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The bundle store {Store} cannot be read; the models loaded at start stay: {Reason}")]
        public static partial void StoreUnreadable(ILogger logger, string store, string reason);
    }
}
