using Car.Ota.Bundles;
using Car.Ota.Verification;

namespace Car.Ota.Download;

/// <summary>Where a bundle comes from: a folder (workshop, USB, tests) or a server (HTTP range requests).</summary>
public interface IBundleSource
{
    /// <summary>Where, for messages and records.</summary>
    string Description { get; }

    /// <summary>True when fetching uses the car's network (and so waits for the configured network condition).</summary>
    bool UsesNetwork { get; }

    /// <summary>The signed documents, each at most <see cref="BundleLayout.MaxMetadataBytes"/>.</summary>
    Task<BundleMetadata> FetchMetadataAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The bytes of <paramref name="file"/> from <paramref name="offset"/>; the answer says where it really starts
    /// (0 when a server ignored the range). The caller reads no more than the manifest's size.
    /// </summary>
    Task<SourceBytes> OpenAsync(BundleFile file, long offset, CancellationToken cancellationToken);
}
