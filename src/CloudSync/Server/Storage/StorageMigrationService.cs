using System.Data.Common;

namespace Car.CloudSync.Server.Storage;

/// <summary>Brings the schema up to date before the server takes calls.</summary>
internal sealed partial class StorageMigrationService(ICloudStore store, ILogger<StorageMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (store is SqliteCloudStore sqlite)
            {
                await sqlite.EnableWriteAheadLogAsync(cancellationToken).ConfigureAwait(false);
                Log.UsingSqlite(logger, sqlite.Path);
            }
            else
            {
                Log.UsingPostgres(logger);
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            throw new CloudStorageException(e.Message, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Storage: SQLite at {Path}")]
        public static partial void UsingSqlite(ILogger logger, string path);

        [LoggerMessage(2, LogLevel.Information, "Storage: PostgreSQL")]
        public static partial void UsingPostgres(ILogger logger);
    }
}
