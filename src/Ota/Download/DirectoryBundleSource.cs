using Car.Ota.Bundles;
using Car.Ota.Verification;

namespace Car.Ota.Download;

/// <summary>A bundle folder as <c>car models pack</c> writes it.</summary>
public sealed class DirectoryBundleSource : IBundleSource
{
    private readonly string _directory;

    public DirectoryBundleSource(string directory)
    {
        _directory = Path.GetFullPath(directory);
    }

    public string Description => _directory;

    public bool UsesNetwork => false;

    public async Task<BundleMetadata> FetchMetadataAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(_directory, BundleLayout.Manifest)))
        {
            throw new BundleInstallException($"{_directory} holds no bundle ({BundleLayout.Manifest} is missing).");
        }

        return new BundleMetadata(
            await ReadAsync(BundleLayout.Manifest, cancellationToken).ConfigureAwait(false) ?? [],
            await ReadAsync(BundleLayout.Signatures, cancellationToken).ConfigureAwait(false) ?? "[]"u8.ToArray(),
            await ReadAsync(BundleLayout.Root, cancellationToken).ConfigureAwait(false),
            await ReadAsync(BundleLayout.RootSignatures, cancellationToken).ConfigureAwait(false));
    }

    public Task<SourceBytes> OpenAsync(BundleFile file, long offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = BundleLayout.PathOf(Path.Combine(_directory, BundleLayout.Files), file.Path);
        if (!File.Exists(path))
        {
            throw new BundleInstallException($"The bundle at {_directory} lacks {file.Path}.");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult(new SourceBytes(stream, offset));
    }

    private async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, name);
        if (!File.Exists(path))
        {
            return null;
        }

        if (new FileInfo(path).Length > BundleLayout.MaxMetadataBytes)
        {
            throw new BundleRejectedException($"{name} is larger than {BundleLayout.MaxMetadataBytes} bytes: refused.");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
