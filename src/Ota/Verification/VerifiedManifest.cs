using Car.Ota.Bundles;
using Car.Ota.Signing;

namespace Car.Ota.Verification;

/// <summary>A manifest whose signatures, name, version, expiry and app version passed, with the trust root that checked it.</summary>
public sealed record VerifiedManifest(BundleManifest Manifest, BundleMetadata Metadata, TrustRoot Trust, string ManifestSha256);
