using Car.Ota;
using Car.Ota.Health;
using Car.Ota.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// Follows the store's active pointer while the car runs, so that a bundle installed (or rolled back) by another
/// process — <c>car models install</c> beside a running <c>car serve</c> — reaches the engines without a restart.
/// Only confirmed bundles are published: a pending one is still being health-checked by its installer.
/// </summary>
internal sealed partial class ActiveBundleWatcher(BundleStore store, ActiveBundle active, ILogger<ActiveBundleWatcher> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private FileSystemWatcher? _watcher;

    /// <summary>Completes when the latest look at the pointer has finished.</summary>
    public Task Refreshed { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(store.Root);
        _watcher = new FileSystemWatcher(store.Root, "active.json")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.CreationTime,
        };
        _watcher.Renamed += (_, _) => Refreshed = RefreshAsync();
        _watcher.Created += (_, _) => Refreshed = RefreshAsync();
        _watcher.Changed += (_, _) => Refreshed = RefreshAsync();
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _refreshing.Dispose();
    }

    private async Task RefreshAsync()
    {
        await _refreshing.WaitAsync().ConfigureAwait(false);
        try
        {
            var pointer = await store.ReadPointerAsync(CancellationToken.None).ConfigureAwait(false);
            if (pointer.Pending)
            {
                return;
            }

            var bundle = await store.ReadActiveAsync(CancellationToken.None).ConfigureAwait(false);
            var current = active.Current;
            if (bundle.Slot != current.Slot || bundle.Version != current.Version)
            {
                active.Publish(bundle);
            }
        }
        catch (Exception e) when (e is IOException or BundleRejectedException or UnauthorizedAccessException)
        {
            Log.Unreadable(logger, store.Root, e.Message);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The bundle store {Store} could not be read; the running models stay: {Reason}")]
        public static partial void Unreadable(ILogger logger, string store, string reason);
    }
}
