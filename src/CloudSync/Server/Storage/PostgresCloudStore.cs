using System.Data.Common;
using Npgsql;

namespace Car.CloudSync.Server.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; replicas share the database and nothing else.</summary>
internal sealed class PostgresCloudStore : RelationalCloudStore, IAsyncDisposable, IDisposable
{
    // Any constant both replicas agree on: "car cloud migrations".
    private const long MigrationLockId = 0x43415243_4C4F5544;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresCloudStore(string connectionString, TimeProvider time) : base(time)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    internal override IReadOnlyList<Migration> Migrations { get; } = SchemaMigrations.For("BYTEA", "DOUBLE PRECISION");

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Released at commit or rollback: the second replica waits here, then finds the schema current.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockId})";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
