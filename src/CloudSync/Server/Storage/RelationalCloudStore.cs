using System.Data.Common;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Habits;

namespace Car.CloudSync.Server.Storage;

/// <summary>
/// The SQL both databases understand (INSERT … ON CONFLICT): an event row whose primary key dedupes, and habit
/// counters upserted in the same transaction. Subclasses open connections and take the migration lock.
/// </summary>
public abstract class RelationalCloudStore : ICloudStore
{
    private const string InsertEvent = """
        INSERT INTO vehicle_events (vehicle_id, idempotency_key, kind, occurred_at_ms, utc_offset_minutes, received_at_ms, payload)
        VALUES (@vehicle, @key, @kind, @occurred, @offset, @received, @payload)
        ON CONFLICT (vehicle_id, idempotency_key) DO NOTHING
        """;

    // SET expressions read the row as it was, so "newer" compares against the stored last_at_ms.
    private const string UpsertHabit = """
        INSERT INTO habit_counters (vehicle_id, habit_key, amount, last_at_ms, place_id, place_name, latitude, longitude, category, cuisine, price_level)
        VALUES (@vehicle, @key, @amount, @at, @place, @name, @lat, @lon, @category, @cuisine, @price)
        ON CONFLICT (vehicle_id, habit_key) DO UPDATE SET
            amount = habit_counters.amount + excluded.amount,
            last_at_ms = CASE WHEN excluded.last_at_ms > habit_counters.last_at_ms THEN excluded.last_at_ms ELSE habit_counters.last_at_ms END,
            place_id = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.place_id ELSE habit_counters.place_id END,
            place_name = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.place_name ELSE habit_counters.place_name END,
            latitude = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.latitude ELSE habit_counters.latitude END,
            longitude = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.longitude ELSE habit_counters.longitude END,
            category = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.category ELSE habit_counters.category END,
            cuisine = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.cuisine ELSE habit_counters.cuisine END,
            price_level = CASE WHEN excluded.place_id IS NOT NULL AND (habit_counters.place_id IS NULL OR excluded.last_at_ms >= habit_counters.last_at_ms) THEN excluded.price_level ELSE habit_counters.price_level END
        """;

    private const string SelectHabits = """
        SELECT habit_key, amount, last_at_ms, place_id, place_name, latitude, longitude, category, cuisine, price_level
        FROM habit_counters WHERE vehicle_id = @vehicle
        """;

    private readonly TimeProvider _time;

    protected RelationalCloudStore(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>An open connection from the provider's pool.</summary>
    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Makes the migration transaction exclusive across processes.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The schema of this database.</summary>
    internal abstract IReadOnlyList<Migration> Migrations { get; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction,
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)",
                    cancellationToken).ConfigureAwait(false);
                int current;
                await using (var command = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
                {
                    current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                }

                foreach (var migration in Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
                {
                    foreach (var statement in migration.Statements)
                    {
                        await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                    }

                    await using var record = Command(connection, transaction,
                        "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (@v, @d, @t)");
                    Add(record, "@v", migration.Version);
                    Add(record, "@d", migration.Description);
                    Add(record, "@t", _time.GetUtcNow().ToUnixTimeMilliseconds());
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<EventWriteResult> AppendEventsAsync(
        string vehicleId, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var received = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Keys and habit rows in one order in every transaction, so concurrent batches never deadlock.
                await using (var insert = Command(connection, transaction, InsertEvent))
                {
                    var vehicle = Add(insert, "@vehicle", vehicleId);
                    var key = Add(insert, "@key", "");
                    var kind = Add(insert, "@kind", "");
                    var occurred = Add(insert, "@occurred", 0L);
                    var offset = Add(insert, "@offset", 0);
                    Add(insert, "@received", received);
                    var payload = Add(insert, "@payload", Array.Empty<byte>());
                    foreach (var e in events.DistinctBy(e => e.IdempotencyKey).OrderBy(e => e.IdempotencyKey, StringComparer.Ordinal))
                    {
                        key.Value = e.IdempotencyKey;
                        kind.Value = e.Kind;
                        occurred.Value = e.OccurredAt.ToUnixTimeMilliseconds();
                        offset.Value = (int)e.OccurredAt.Offset.TotalMinutes;
                        payload.Value = e.Payload;
                        if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                        {
                            stored.Add(e.IdempotencyKey);
                        }
                    }
                }

                var increments = events.Where(e => stored.Contains(e.IdempotencyKey))
                    .DistinctBy(e => e.IdempotencyKey)
                    .SelectMany(e => e.Increments)
                    .GroupBy(i => i.Key, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal);
                await using (var upsert = Command(connection, transaction, UpsertHabit))
                {
                    Add(upsert, "@vehicle", vehicleId);
                    var key = Add(upsert, "@key", "");
                    var amount = Add(upsert, "@amount", 0d);
                    var at = Add(upsert, "@at", 0L);
                    var place = Add(upsert, "@place", "");
                    var name = Add(upsert, "@name", "");
                    var lat = Add(upsert, "@lat", 0d);
                    var lon = Add(upsert, "@lon", 0d);
                    var category = Add(upsert, "@category", "");
                    var cuisine = Add(upsert, "@cuisine", "");
                    var price = Add(upsert, "@price", 0);
                    foreach (var group in increments)
                    {
                        var latest = group.MaxBy(i => i.At)!;
                        var placed = group.Where(i => i.Place is not null).MaxBy(i => i.At)?.Place;
                        key.Value = group.Key;
                        amount.Value = group.Sum(i => i.Amount);
                        at.Value = latest.At.ToUnixTimeMilliseconds();
                        place.Value = (object?)placed?.Id ?? DBNull.Value;
                        name.Value = (object?)placed?.Name ?? DBNull.Value;
                        lat.Value = (object?)placed?.Latitude ?? DBNull.Value;
                        lon.Value = (object?)placed?.Longitude ?? DBNull.Value;
                        category.Value = (object?)placed?.Category ?? DBNull.Value;
                        cuisine.Value = (object?)placed?.Cuisine ?? DBNull.Value;
                        price.Value = (object?)placed?.PriceLevel ?? DBNull.Value;
                        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var accepted = new List<string>();
        var duplicates = new List<string>();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            // A key repeated inside one batch is stored by its first occurrence; the repeats are duplicates.
            (answered.Add(e.IdempotencyKey) && stored.Contains(e.IdempotencyKey) ? accepted : duplicates).Add(e.IdempotencyKey);
        }

        return new EventWriteResult(accepted, duplicates);
    }

    public async Task<IReadOnlyList<HabitCounter>> ReadHabitsAsync(string vehicleId, CancellationToken cancellationToken)
    {
        var counters = new List<HabitCounter>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, null, SelectHabits);
            Add(command, "@vehicle", vehicleId);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    HabitPlace? place = reader.IsDBNull(3)
                        ? null
                        : new HabitPlace(
                            reader.GetString(3),
                            reader.IsDBNull(4) ? "" : reader.GetString(4),
                            reader.IsDBNull(5) ? 0 : reader.GetDouble(5),
                            reader.IsDBNull(6) ? 0 : reader.GetDouble(6),
                            reader.IsDBNull(7) ? "" : reader.GetString(7),
                            reader.IsDBNull(8) ? "" : reader.GetString(8),
                            reader.IsDBNull(9) ? 0 : reader.GetInt32(9));
                    counters.Add(new HabitCounter(
                        reader.GetString(0),
                        reader.GetDouble(1),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                        place));
                }
            }
        }

        return counters;
    }

    public async Task<long> CountEventsAsync(string vehicleId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, null, "SELECT COUNT(*) FROM vehicle_events WHERE vehicle_id = @vehicle");
            Add(command, "@vehicle", vehicleId);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<IReadOnlyList<VehicleEvent>> ReadEventsAsync(string vehicleId, string kind, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, null,
                "SELECT payload FROM vehicle_events WHERE vehicle_id = @vehicle AND kind = @kind ORDER BY occurred_at_ms, idempotency_key");
            Add(command, "@vehicle", vehicleId);
            Add(command, "@kind", kind);
            var events = new List<VehicleEvent>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add(VehicleEvent.Parser.ParseFrom((byte[])reader.GetValue(0)));
                }
            }

            return events;
        }
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this class's own constants, never built from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
