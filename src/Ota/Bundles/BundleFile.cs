namespace Car.Ota.Bundles;

/// <summary>One file of a bundle.</summary>
/// <param name="Path">Relative, with forward slashes (<c>nlu/rules.json</c>).</param>
/// <param name="Sha256">The whole file's SHA-256, lower-case hex.</param>
/// <param name="Role">What the file is for (<see cref="BundleRoles"/>).</param>
/// <param name="Chunks">The SHA-256 of each <see cref="BundleManifest.ChunkSize"/> piece, so a resumed download keeps only good bytes.</param>
public sealed record BundleFile(string Path, long Size, string Sha256, string Role, IReadOnlyList<string> Chunks);
