using Car.Ota.Signing;

namespace Car.Ota.Bundles;

/// <summary>What <see cref="BundlePacker"/> packs: files (bundle path → source file), signed by <paramref name="Keys"/>.</summary>
/// <param name="NewRoot">A new trust root to carry (key rotation), signed by every key in <paramref name="Keys"/>.</param>
public sealed record PackRequest(
    string Bundle,
    long Version,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<SigningKey> Keys,
    DateTimeOffset Expires,
    string MinAppVersion = "0.0.0",
    int ChunkSize = 1024 * 1024,
    IReadOnlyList<SelfTest>? SelfTests = null,
    TrustRoot? NewRoot = null);
