namespace Car.Ota.Bundles;

/// <summary>The names inside a bundle folder (as packed, as served, and in a slot).</summary>
public static class BundleLayout
{
    public const string Manifest = "manifest.json";
    public const string Signatures = "signatures.json";

    /// <summary>A new trust root (key rotation), present only in a bundle that rotates keys.</summary>
    public const string Root = "root.json";

    public const string RootSignatures = "root.signatures.json";
    public const string Files = "files";

    /// <summary>The largest manifest or signature file a car reads: more is an endless-data attack.</summary>
    public const int MaxMetadataBytes = 4 * 1024 * 1024;

    /// <summary>The file's place under <paramref name="root"/>, refusing paths that would leave it.</summary>
    public static string PathOf(string root, string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
        var rootFull = System.IO.Path.GetFullPath(root) + System.IO.Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
        {
            throw new BundleRejectedException($"The manifest names a file outside the bundle: '{relative}'.");
        }

        return full;
    }
}
