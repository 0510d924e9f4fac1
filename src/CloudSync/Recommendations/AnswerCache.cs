using Car.CloudSync.Connection;
using Microsoft.Data.Sqlite;

namespace Car.CloudSync.Recommendations;

/// <summary>
/// The cloud's recent answers (the reply's protobuf bytes), remembered by query and by where the car was, so the car
/// can answer offline near where it asked before. Bounded in count and age; kept in <c>cache.db</c> (SQLite).
/// </summary>
internal sealed class AnswerCache : IDisposable
{
    private const double MetersPerDegree = 111_320;
    private const double EarthRadiusMeters = 6_371_000;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly CloudOptions _options;
    private readonly TimeProvider _timeProvider;

    public AnswerCache(CloudOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        Directory.CreateDirectory(options.DataDirectory);
        Path = System.IO.Path.Combine(options.DataDirectory, "cache.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS answers (
                id INTEGER PRIMARY KEY,
                vehicle_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                query_key TEXT NOT NULL,
                latitude REAL,
                longitude REAL,
                generated_at INTEGER NOT NULL,
                reply BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS answers_by_query ON answers (vehicle_id, kind, query_key);
            """);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Remembers an answer; the same question asked close by before is forgotten, and so are the oldest.</summary>
    public void Store(CacheKey key, GeoPosition? position, DateTimeOffset generatedAt, byte[] reply)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var forget = Command(transaction, "DELETE FROM answers WHERE " + Where(position)))
            {
                Bind(forget, key, position, _options.CacheRadiusMeters / 4);
                forget.ExecuteNonQuery();
            }

            using (var insert = Command(transaction, """
                INSERT INTO answers (vehicle_id, kind, query_key, latitude, longitude, generated_at, reply)
                VALUES ($vehicle, $kind, $key, $lat, $lon, $generated, $reply)
                """))
            {
                Bind(insert, key, position, 0);
                insert.Parameters.AddWithValue("$generated", generatedAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$reply", reply);
                insert.ExecuteNonQuery();
            }

            using (var prune = Command(transaction, """
                DELETE FROM answers WHERE generated_at < $expired
                   OR id NOT IN (SELECT id FROM answers ORDER BY generated_at DESC LIMIT $max)
                """))
            {
                prune.Parameters.AddWithValue("$expired", (now - _options.CacheMaxAge).ToUnixTimeMilliseconds());
                prune.Parameters.AddWithValue("$max", _options.CacheMaxEntries);
                prune.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>
    /// The nearest remembered answer to the same question within the cache radius and younger than the cache's max
    /// age, or null. An answer given where the position was unknown only serves a question with no position.
    /// </summary>
    public byte[]? Find(CacheKey key, GeoPosition? position)
    {
        var oldest = (_timeProvider.GetUtcNow() - _options.CacheMaxAge).ToUnixTimeMilliseconds();
        lock (_gate)
        {
            using var find = Command(null, "SELECT latitude, longitude, reply FROM answers WHERE generated_at >= $oldest AND "
                + Where(position) + " ORDER BY generated_at DESC");
            Bind(find, key, position, _options.CacheRadiusMeters);
            find.Parameters.AddWithValue("$oldest", oldest);
            using var reader = find.ExecuteReader();
            byte[]? best = null;
            var bestDistance = double.MaxValue;
            while (reader.Read())
            {
                var distance = position is null ? 0 : DistanceMeters(position, reader.GetDouble(0), reader.GetDouble(1));
                if (distance <= _options.CacheRadiusMeters && distance < bestDistance)
                {
                    best = (byte[])reader.GetValue(2);
                    bestDistance = distance;
                }
            }

            return best;
        }
    }

    /// <summary>When the newest remembered answer of this vehicle was made, or null when none is.</summary>
    public DateTimeOffset? Newest(string vehicleId)
    {
        lock (_gate)
        {
            using var newest = Command(null, "SELECT MAX(generated_at) FROM answers WHERE vehicle_id = $vehicle");
            newest.Parameters.AddWithValue("$vehicle", vehicleId);
            return newest.ExecuteScalar() is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
        }
    }

    public void Dispose() => _connection.Dispose();

    // Same vehicle and question, and (when the car knows where it is) inside a box around it that the radius fits in.
    private static string Where(GeoPosition? position) =>
        "vehicle_id = $vehicle AND kind = $kind AND query_key = $key AND " + (position is null
            ? "latitude IS NULL"
            : "latitude BETWEEN $lat - $dlat AND $lat + $dlat AND longitude BETWEEN $lon - $dlon AND $lon + $dlon");

    private static void Bind(SqliteCommand command, CacheKey key, GeoPosition? position, double radiusMeters)
    {
        command.Parameters.AddWithValue("$vehicle", key.VehicleId);
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$key", key.Query);
        command.Parameters.AddWithValue("$lat", position is null ? DBNull.Value : position.Latitude);
        command.Parameters.AddWithValue("$lon", position is null ? DBNull.Value : position.Longitude);
        var dlat = radiusMeters / MetersPerDegree;
        var cos = Math.Max(0.01, Math.Cos((position?.Latitude ?? 0) * Math.PI / 180));
        command.Parameters.AddWithValue("$dlat", dlat);
        command.Parameters.AddWithValue("$dlon", dlat / cos);
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string text)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private void Execute(string text)
    {
        using var command = Command(null, text);
        command.ExecuteNonQuery();
    }

    private static double DistanceMeters(GeoPosition from, double latitude, double longitude)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - from.Latitude);
        var dLon = Radians(longitude - from.Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(from.Latitude)) * Math.Cos(Radians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
