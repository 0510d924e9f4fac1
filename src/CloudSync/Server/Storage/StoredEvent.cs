using Car.CloudSync.Server.Habits;

namespace Car.CloudSync.Server.Storage;

/// <summary>An event to store once per (vehicle, key), with what it teaches the habit model when it is new.</summary>
public sealed record StoredEvent(
    string IdempotencyKey, string Kind, DateTimeOffset OccurredAt, byte[] Payload, IReadOnlyList<HabitIncrement> Increments);
