namespace Car.VehicleBus.Signals;

/// <summary>
/// The vehicle as the assistant sees it: read current values, set actuator targets, watch changes.
/// Implementations are thread-safe. A rejected request throws <see cref="VehicleBusException"/> and changes nothing.
/// </summary>
public interface IVehicleBus
{
    /// <summary>The signals this bus knows.</summary>
    SignalCatalog Catalog { get; }

    /// <summary>Reads the current value of a signal.</summary>
    ValueTask<SignalValue> GetAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Reads the current values of all signals at one instant.</summary>
    ValueTask<VehicleSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the target value of an actuator; the current value follows as the hardware moves.</summary>
    ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onChange"/> whenever a current value changes, until the result is disposed.</summary>
    IDisposable Subscribe(Action<SignalChange> onChange);
}
