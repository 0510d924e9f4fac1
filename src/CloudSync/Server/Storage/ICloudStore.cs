using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Habits;

namespace Car.CloudSync.Server.Storage;

/// <summary>
/// The server's only state: events (once per vehicle and idempotency key) and the habit counters learned from them,
/// updated in the same transaction, so that replicas sharing one database agree.
/// </summary>
public interface ICloudStore
{
    /// <summary>Applies the schema migrations not yet applied; safe when several replicas start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Stores the events not stored before and adds their habit increments.</summary>
    Task<EventWriteResult> AppendEventsAsync(string vehicleId, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>All habit counters of a vehicle (one indexed query).</summary>
    Task<IReadOnlyList<HabitCounter>> ReadHabitsAsync(string vehicleId, CancellationToken cancellationToken);

    /// <summary>How many events of the vehicle are stored.</summary>
    Task<long> CountEventsAsync(string vehicleId, CancellationToken cancellationToken);

    /// <summary>The vehicle's stored events of one kind (<c>trip</c>, <c>bundle-update</c>, …), oldest first, as reported.</summary>
    Task<IReadOnlyList<VehicleEvent>> ReadEventsAsync(string vehicleId, string kind, CancellationToken cancellationToken);
}
