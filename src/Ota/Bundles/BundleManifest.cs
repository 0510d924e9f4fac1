namespace Car.Ota.Bundles;

/// <summary>
/// What a bundle holds and which versions run together; <c>manifest.json</c>, signed byte for byte.
/// </summary>
/// <param name="Bundle">The bundle's name; a car installs only the bundle it is configured for (mix-and-match).</param>
/// <param name="Version">Monotonically increasing: a car never installs a version at or below one it has seen.</param>
/// <param name="Expires">Past this the manifest is stale and refused (freeze attack).</param>
/// <param name="MinAppVersion">The oldest program that can run these models.</param>
/// <param name="ChunkSize">The size of the chunks that <see cref="BundleFile.Chunks"/> hash.</param>
/// <param name="SelfTests">Utterances and the intent each must parse to, run by the health check.</param>
public sealed record BundleManifest(
    string Bundle,
    long Version,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    string MinAppVersion,
    int ChunkSize,
    IReadOnlyList<BundleFile> Files,
    IReadOnlyList<SelfTest> SelfTests)
{
    /// <summary>The sum of the files' sizes.</summary>
    public long TotalBytes => Files.Sum(f => f.Size);

    /// <summary>The first file of <paramref name="role"/>, or null.</summary>
    public BundleFile? FileFor(string role) => Files.FirstOrDefault(f => f.Role == role);
}
