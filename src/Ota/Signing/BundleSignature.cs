namespace Car.Ota.Signing;

/// <summary>One Ed25519 signature over a document's exact bytes, by the key <paramref name="KeyId"/>.</summary>
public sealed record BundleSignature(string KeyId, string Signature);
