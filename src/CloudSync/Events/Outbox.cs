using System.Threading.Channels;
using Car.CloudSync.Connection;
using Microsoft.Data.Sqlite;

namespace Car.CloudSync.Events;

/// <summary>
/// Events waiting for the cloud, in <c>outbox.db</c> (SQLite, WAL, synchronous=FULL): an event added here survives a
/// crash or a power cut, is kept once per idempotency key, and leaves only when the server has acknowledged it.
/// </summary>
internal sealed class Outbox : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly Channel<bool> _queued = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public Outbox(CloudOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        Path = System.IO.Path.Combine(options.DataDirectory, "outbox.db");
        // No pooling: disposing really closes the file, as a restart does.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
        using var setUp = _connection.CreateCommand();
        setUp.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                occurred_at INTEGER NOT NULL,
                payload BLOB NOT NULL);
            """;
        setUp.ExecuteNonQuery();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Stores an event durably; false when its key is queued already (the first one stays).</summary>
    public bool Add(string idempotencyKey, DateTimeOffset occurredAt, byte[] payload)
    {
        int added;
        lock (_gate)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = """
                INSERT OR IGNORE INTO events (idempotency_key, occurred_at, payload) VALUES ($key, $occurred, $payload)
                """;
            insert.Parameters.AddWithValue("$key", idempotencyKey);
            insert.Parameters.AddWithValue("$occurred", occurredAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$payload", payload);
            added = insert.ExecuteNonQuery();
        }

        _queued.Writer.TryWrite(true);
        return added == 1;
    }

    /// <summary>The oldest queued events, in the order they were added.</summary>
    public IReadOnlyList<QueuedEvent> Peek(int max)
    {
        lock (_gate)
        {
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT idempotency_key, payload FROM events ORDER BY seq LIMIT $max";
            select.Parameters.AddWithValue("$max", max);
            using var reader = select.ExecuteReader();
            var events = new List<QueuedEvent>();
            while (reader.Read())
            {
                events.Add(new QueuedEvent(reader.GetString(0), (byte[])reader.GetValue(1)));
            }

            return events;
        }
    }

    /// <summary>Forgets the events with these keys (the server has them); returns how many were queued.</summary>
    public int Remove(IEnumerable<string> idempotencyKeys)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM events WHERE idempotency_key = $key";
            var key = delete.Parameters.Add("$key", SqliteType.Text);
            var removed = 0;
            foreach (var idempotencyKey in idempotencyKeys)
            {
                key.Value = idempotencyKey;
                removed += delete.ExecuteNonQuery();
            }

            transaction.Commit();
            return removed;
        }
    }

    /// <summary>How many events wait, and when the oldest of them happened.</summary>
    public (int Count, DateTimeOffset? Oldest) Measure()
    {
        lock (_gate)
        {
            using var measure = _connection.CreateCommand();
            measure.CommandText = "SELECT COUNT(*), MIN(occurred_at) FROM events";
            using var reader = measure.ExecuteReader();
            reader.Read();
            return (reader.GetInt32(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        }
    }

    /// <summary>Completes when an event has been added since the last wait (at once if one was).</summary>
    public async Task WaitForEventsAsync(CancellationToken cancellationToken)
    {
        await _queued.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        _queued.Reader.TryRead(out _);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
