using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Car.CloudSync.Server.Storage;

/// <summary>One file, write-ahead logged; for one server process (several processes work, but do not scale).</summary>
internal sealed class SqliteCloudStore : RelationalCloudStore
{
    private readonly string _connectionString;

    public SqliteCloudStore(string path, TimeProvider time) : base(time)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    internal override IReadOnlyList<Migration> Migrations { get; } = SchemaMigrations.For("BLOB", "REAL");

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // The transaction is BEGIN IMMEDIATE: it holds the write lock. WAL is a property of the file, set once.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        }
    }
}
