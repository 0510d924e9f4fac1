namespace Car.CloudSync.Server.Storage;

/// <summary>Where events and habits live (<c>Storage:*</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (default, one machine) or <c>postgres</c> (several replicas share one database).</summary>
    public string Provider { get; set; } = "sqlite";

    public SqliteStorageOptions Sqlite { get; init; } = new();

    public PostgresStorageOptions Postgres { get; init; } = new();

    internal bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
