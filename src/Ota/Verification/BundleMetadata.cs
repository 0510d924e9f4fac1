namespace Car.Ota.Verification;

/// <summary>A bundle's signed documents, exactly as fetched: the manifest and its signatures, and a new trust root if the bundle rotates keys.</summary>
public sealed record BundleMetadata(byte[] Manifest, byte[] Signatures, byte[]? Root, byte[]? RootSignatures);
