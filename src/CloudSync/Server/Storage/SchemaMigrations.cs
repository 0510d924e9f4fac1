namespace Car.CloudSync.Server.Storage;

/// <summary>The schema, version by version. Versions are only ever appended; an applied one is never edited.</summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> For(string blobType, string realType) =>
    [
        new Migration(1, "events and habit counters",
        [
            $"""
            CREATE TABLE vehicle_events (
                vehicle_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                occurred_at_ms BIGINT NOT NULL,
                utc_offset_minutes INTEGER NOT NULL,
                received_at_ms BIGINT NOT NULL,
                payload {blobType} NOT NULL,
                PRIMARY KEY (vehicle_id, idempotency_key))
            """,
            $"""
            CREATE TABLE habit_counters (
                vehicle_id TEXT NOT NULL,
                habit_key TEXT NOT NULL,
                amount {realType} NOT NULL,
                last_at_ms BIGINT NOT NULL,
                place_id TEXT NULL,
                place_name TEXT NULL,
                latitude {realType} NULL,
                longitude {realType} NULL,
                category TEXT NULL,
                cuisine TEXT NULL,
                price_level INTEGER NULL,
                PRIMARY KEY (vehicle_id, habit_key))
            """,
        ]),
        new Migration(2, "events by vehicle and time",
        [
            "CREATE INDEX ix_vehicle_events_vehicle_time ON vehicle_events (vehicle_id, occurred_at_ms)",
        ]),
    ];
}
