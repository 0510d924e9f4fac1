using System.Security.Cryptography;
using Car.Ota.Signing;

namespace Car.Ota.Bundles;

/// <summary>Writes a bundle folder: <c>manifest.json</c>, <c>signatures.json</c>, <c>files/</c> (and a new trust root when rotating keys).</summary>
public static class BundlePacker
{
    /// <summary>Every file under <paramref name="directory"/>, keyed by its path relative to it (forward slashes).</summary>
    public static Dictionary<string, string> FilesUnder(string directory, string prefix = "") =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => prefix + Path.GetRelativePath(directory, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);

    public static async Task<BundleManifest> PackAsync(PackRequest request, string output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Keys.Count == 0)
        {
            throw new ArgumentException("A bundle needs at least one signing key.", nameof(request));
        }

        var files = new List<BundleFile>();
        var buffer = new byte[request.ChunkSize];
        foreach (var (path, source) in request.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var target = BundleLayout.PathOf(Path.Combine(output, BundleLayout.Files), path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunks = new List<string>();
            long size = 0;
            var input = File.OpenRead(source);
            var copy = File.Create(target);
            await using (input.ConfigureAwait(false))
            await using (copy.ConfigureAwait(false))
            {
                int filled;
                while ((filled = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    whole.AppendData(buffer, 0, filled);
                    chunks.Add(Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, filled))));
                    await copy.WriteAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                    size += filled;
                }
            }

            if (chunks.Count == 0)
            {
                chunks.Add(Convert.ToHexStringLower(SHA256.HashData([])));
            }

            files.Add(new BundleFile(path, size, Convert.ToHexStringLower(whole.GetHashAndReset()), BundleRoles.ForPath(path), chunks));
        }

        var manifest = new BundleManifest(request.Bundle, request.Version, time.GetUtcNow(), request.Expires, request.MinAppVersion,
            request.ChunkSize, files, request.SelfTests ?? []);
        var bytes = BundleJson.Serialize(manifest);
        await File.WriteAllBytesAsync(Path.Combine(output, BundleLayout.Manifest), bytes, cancellationToken).ConfigureAwait(false);
        await WriteSignaturesAsync(Path.Combine(output, BundleLayout.Signatures), bytes, request.Keys, cancellationToken).ConfigureAwait(false);
        if (request.NewRoot is { } root)
        {
            var rootBytes = BundleJson.Serialize(root);
            await File.WriteAllBytesAsync(Path.Combine(output, BundleLayout.Root), rootBytes, cancellationToken).ConfigureAwait(false);
            await WriteSignaturesAsync(Path.Combine(output, BundleLayout.RootSignatures), rootBytes, request.Keys, cancellationToken).ConfigureAwait(false);
        }

        return manifest;
    }

    /// <summary>Signs <paramref name="document"/> with each key into a signature file.</summary>
    public static Task WriteSignaturesAsync(string path, byte[] document, IEnumerable<SigningKey> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<BundleSignature> signatures = [.. keys.Select(k => k.Sign(document))];
        return File.WriteAllBytesAsync(path, BundleJson.Serialize(signatures), cancellationToken);
    }
}
