using Car.Ota.Signing;

namespace Car.Ota.Store;

/// <summary>
/// The store's one mutable document (<c>active.json</c>), replaced atomically: which slot runs, which ran before,
/// whether the new one has yet to pass its health check, and what the car has learnt to trust.
/// </summary>
/// <param name="Active"><see cref="Slots.Factory"/>, <see cref="Slots.A"/> or <see cref="Slots.B"/>.</param>
/// <param name="Previous">The slot to roll back to, or null.</param>
/// <param name="Pending">Activated but not yet confirmed healthy: each start counts an attempt.</param>
/// <param name="BootAttempts">Starts of a pending bundle without a confirmation (the crash-loop counter).</param>
/// <param name="HighestVersion">The highest version ever activated: nothing at or below it is installed again.</param>
/// <param name="Trust">The rotated trust root, or null while the configured keys hold.</param>
public sealed record StorePointer(
    string Active,
    string? Previous,
    bool Pending,
    int BootAttempts,
    long HighestVersion,
    TrustRoot? Trust)
{
    public static StorePointer Factory { get; } = new(Slots.Factory, null, false, 0, 0, null);
}
