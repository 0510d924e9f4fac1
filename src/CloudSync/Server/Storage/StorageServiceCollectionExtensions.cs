using Car.CloudSync.Server.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The event and habit store chosen by <c>Storage:Provider</c>, migrated at start.</summary>
    public static IServiceCollection AddCloudStorage(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        services.AddOptions<StorageOptions>()
            .Bind(section)
            .Validate(o => o.IsSqlite || o.IsPostgres, "Storage:Provider must be 'sqlite' or 'postgres'.")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.Postgres.ConnectionString),
                "Storage:Provider is 'postgres' but Storage:Postgres:ConnectionString is empty.")
            .Validate(o => !o.IsPostgres || IsValidConnectionString(o.Postgres.ConnectionString),
                "Storage:Postgres:ConnectionString is not a valid Npgsql connection string.")
            .ValidateOnStart();
        services.TryAddSingleton<ICloudStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            if (options.IsPostgres)
            {
                return new PostgresCloudStore(options.Postgres.ConnectionString, time);
            }

            var path = string.IsNullOrWhiteSpace(options.Sqlite.Path)
                ? Path.Combine(contentRoot, "data", "cloud.db")
                : Path.GetFullPath(options.Sqlite.Path, contentRoot);
            return new SqliteCloudStore(path, time);
        });
        services.AddHostedService<StorageMigrationService>();
        return services;
    }

    private static bool IsValidConnectionString(string value)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
