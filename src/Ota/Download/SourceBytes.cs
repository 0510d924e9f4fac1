namespace Car.Ota.Download;

/// <summary>A file's bytes from <see cref="Offset"/>; disposing it ends the transfer.</summary>
public sealed class SourceBytes : IAsyncDisposable
{
    private readonly IDisposable? _owner;

    public SourceBytes(Stream stream, long offset, IDisposable? owner = null)
    {
        Stream = stream;
        Offset = offset;
        _owner = owner;
    }

    public Stream Stream { get; }

    public long Offset { get; }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }
}
