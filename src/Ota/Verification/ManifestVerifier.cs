using System.Security.Cryptography;
using Car.Ota.Bundles;
using Car.Ota.Signing;

namespace Car.Ota.Verification;

/// <summary>
/// Decides whether a car may install a bundle's manifest (TUF's checks): a threshold of trusted signatures (after a
/// key rotation signed by the old keys and the new), this car's bundle name, a version above any it has run, not
/// expired, and an app version that can run it. Every refusal is a <see cref="BundleRejectedException"/> that says why.
/// </summary>
public sealed class ManifestVerifier
{
    private readonly OtaOptions _options;
    private readonly TimeProvider _time;

    public ManifestVerifier(OtaOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The configured root: <c>Ota:TrustedKeys</c> with <c>Ota:Threshold</c>, version 1.</summary>
    public TrustRoot ConfiguredRoot => new(1, _options.Threshold, [.. _options.TrustedKeys]);

    /// <summary>Verifies signatures and content; <paramref name="minimumVersion"/> is the lowest acceptable version.</summary>
    public VerifiedManifest Verify(BundleMetadata metadata, TrustRoot? learnt, long minimumVersion)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var trust = learnt is { } l && l.Version > 1 ? l : ConfiguredRoot;
        if (trust.Keys.Count == 0)
        {
            throw new BundleRejectedException("No trusted keys are configured (Ota:TrustedKeys): the car installs no bundle.");
        }

        if (metadata.Root is { } root)
        {
            trust = Rotate(trust, root, metadata.RootSignatures);
        }

        var signatures = BundleJson.Deserialize<IReadOnlyList<BundleSignature>>(metadata.Signatures, "signature file");
        SignatureCheck.RequireThreshold("manifest", metadata.Manifest, signatures, Keys(trust), trust.Threshold);

        var manifest = BundleJson.Deserialize<BundleManifest>(metadata.Manifest, "manifest");
        Check(manifest, minimumVersion);
        return new VerifiedManifest(manifest, metadata, trust, Convert.ToHexStringLower(SHA256.HashData(metadata.Manifest)));
    }

    private void Check(BundleManifest manifest, long minimumVersion)
    {
        if (manifest.Bundle != _options.BundleName)
        {
            throw new BundleRejectedException(
                $"The manifest is for bundle '{manifest.Bundle}', this car installs '{_options.BundleName}' (mix-and-match refused).");
        }

        if (manifest.Version < minimumVersion)
        {
            throw new BundleRejectedException(
                $"Version {manifest.Version} is not newer than version {minimumVersion - 1} that this car already ran (rollback attack refused).");
        }

        var now = _time.GetUtcNow();
        if (manifest.Expires <= now)
        {
            throw new BundleRejectedException($"The manifest expired on {manifest.Expires:u} (freeze attack refused; it is {now:u}).");
        }

        if (!Version.TryParse(manifest.MinAppVersion, out var needed) || !Version.TryParse(_options.AppVersion, out var have))
        {
            throw new BundleRejectedException($"The manifest's minimum app version '{manifest.MinAppVersion}' is not a version.");
        }

        if (have < needed)
        {
            throw new BundleRejectedException($"The bundle needs app version {needed} or later; this is {have}.");
        }

        if (manifest.ChunkSize is < 4096 or > 64 * 1024 * 1024)
        {
            throw new BundleRejectedException($"The manifest's chunk size {manifest.ChunkSize} is out of range.");
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            _ = BundleLayout.PathOf("/bundle", file.Path);
            if (!paths.Add(file.Path) || file.Size < 0 || file.Sha256.Length != 64
                || file.Chunks.Count != (int)Math.Max(1, (file.Size + manifest.ChunkSize - 1) / manifest.ChunkSize))
            {
                throw new BundleRejectedException($"The manifest's entry for '{file.Path}' is inconsistent (duplicate, size or chunk list).");
            }
        }
    }

    private static TrustRoot Rotate(TrustRoot current, byte[] root, byte[]? rootSignatures)
    {
        if (rootSignatures is null)
        {
            throw new BundleRejectedException("The bundle carries a new trust root without signatures.");
        }

        var next = BundleJson.Deserialize<TrustRoot>(root, "trust root");
        if (next.Version < current.Version)
        {
            throw new BundleRejectedException($"The bundle's trust root version {next.Version} is older than the car's {current.Version}.");
        }

        if (next.Version == current.Version)
        {
            return current;
        }

        if (next.Threshold < 1 || next.Keys.Count < next.Threshold)
        {
            throw new BundleRejectedException($"The new trust root needs {next.Threshold} of {next.Keys.Count} keys: impossible.");
        }

        var signatures = BundleJson.Deserialize<IReadOnlyList<BundleSignature>>(rootSignatures, "trust root signature file");
        SignatureCheck.RequireThreshold("key rotation (by the old keys)", root, signatures, Keys(current), current.Threshold);
        SignatureCheck.RequireThreshold("key rotation (by the new keys)", root, signatures, Keys(next), next.Threshold);
        return next;
    }

    private static PublicSigningKey[] Keys(TrustRoot root) => [.. root.Keys.Select(PublicSigningKey.Parse)];
}
