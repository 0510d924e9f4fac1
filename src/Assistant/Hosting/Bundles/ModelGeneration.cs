namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// The models built from one bundle (a parser, a recogniser), counted while requests use them: the holder keeps one
/// reference, each request one more; when the holder lets go (a newer bundle is active) the last request to finish
/// releases the models.
/// </summary>
internal sealed class ModelGeneration<T>
    where T : class
{
    private readonly IDisposable? _owner;
    private int _references = 1;

    public ModelGeneration(T model, long version, IDisposable? owner)
    {
        Model = model;
        Version = version;
        _owner = owner;
    }

    public T Model { get; }

    public long Version { get; }

    /// <summary>Takes a reference unless the generation is already released.</summary>
    public bool TryAcquire()
    {
        var seen = Volatile.Read(ref _references);
        while (seen > 0)
        {
            var before = Interlocked.CompareExchange(ref _references, seen + 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _owner?.Dispose();
        }
    }
}
