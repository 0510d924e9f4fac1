namespace Car.Ota.Store;

/// <summary>
/// Written (atomically, after every file was verified and fsynced) into a slot whose bundle is complete: the version
/// and the SHA-256 of the manifest it was verified against. A slot without a seal is never activated.
/// </summary>
public sealed record SlotSeal(long Version, string ManifestSha256, DateTimeOffset Verified);
