using Car.Ota.Bundles;

namespace Car.Ota.Store;

/// <summary>A bundle in the store: its slot, the folder of its files and its manifest (null for an unpacked factory bundle).</summary>
public sealed record InstalledBundle(string Slot, string FilesDirectory, BundleManifest? Manifest)
{
    public long Version => Manifest?.Version ?? 0;

    public string Name => Manifest?.Bundle ?? "factory";

    /// <summary>The file of <paramref name="role"/> in this bundle, or null.</summary>
    public string? PathFor(string role)
    {
        if (Manifest?.FileFor(role) is { } file)
        {
            return BundleLayout.PathOf(FilesDirectory, file.Path);
        }

        if (Manifest is not null || !Directory.Exists(FilesDirectory))
        {
            return null;
        }

        return Directory.EnumerateFiles(FilesDirectory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(f => BundleRoles.ForPath(Path.GetRelativePath(FilesDirectory, f).Replace('\\', '/')) == role);
    }

    /// <summary>The folder holding the file of <paramref name="role"/> (the NLU data, the VSS catalog), or null.</summary>
    public string? DirectoryFor(string role) => PathFor(role) is { } path ? Path.GetDirectoryName(path) : null;
}
