using System.Security.Cryptography;
using Car.Ota.Bundles;
using Car.Ota.Signing;
using Car.Ota.Store;

namespace Car.Ota.Verification;

/// <summary>Re-checks an installed bundle from disk: the manifest's signatures by the car's trust root, and every file's size and SHA-256.</summary>
public sealed class BundleAudit
{
    private readonly BundleStore _store;
    private readonly ManifestVerifier _verifier;

    public BundleAudit(BundleStore store, ManifestVerifier verifier)
    {
        _store = store;
        _verifier = verifier;
    }

    /// <summary>What is wrong with <paramref name="bundle"/>; empty when it is complete and verified.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(InstalledBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Manifest is null)
        {
            // The unpacked factory bundle is part of the program's read-only image, trusted as the program is.
            return Directory.Exists(bundle.FilesDirectory) ? [] : [$"the factory bundle {bundle.FilesDirectory} is missing"];
        }

        var problems = new List<string>();
        var directory = _store.SlotDirectory(bundle.Slot);
        if (bundle.Slot != Slots.Factory)
        {
            var pointer = await _store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
            var trust = pointer.Trust ?? _verifier.ConfiguredRoot;
            try
            {
                var manifest = await File.ReadAllBytesAsync(Path.Combine(directory, BundleLayout.Manifest), cancellationToken).ConfigureAwait(false);
                var signatures = BundleJson.Deserialize<IReadOnlyList<BundleSignature>>(
                    await File.ReadAllBytesAsync(Path.Combine(directory, BundleLayout.Signatures), cancellationToken).ConfigureAwait(false), "signature file");
                SignatureCheck.RequireThreshold("manifest", manifest, signatures, [.. trust.Keys.Select(PublicSigningKey.Parse)], trust.Threshold);
            }
            catch (Exception e) when (e is BundleRejectedException or IOException)
            {
                problems.Add(e.Message);
            }
        }

        foreach (var file in bundle.Manifest.Files)
        {
            var path = BundleLayout.PathOf(bundle.FilesDirectory, file.Path);
            if (!File.Exists(path))
            {
                problems.Add($"{file.Path} is missing");
                continue;
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length != file.Size)
                {
                    problems.Add($"{file.Path} has {stream.Length} bytes, the manifest says {file.Size}");
                    continue;
                }

                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                if (sha != file.Sha256)
                {
                    problems.Add($"{file.Path}'s SHA-256 differs from the manifest's");
                }
            }
        }

        return problems;
    }
}
