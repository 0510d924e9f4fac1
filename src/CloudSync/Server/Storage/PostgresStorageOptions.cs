namespace Car.CloudSync.Server.Storage;

public sealed class PostgresStorageOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=carcloud;Username=car;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = "";
}
