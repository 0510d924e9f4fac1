using Car.Language;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// The parser built from one bundle, counted while requests use it: the holder keeps one reference, each parse
/// one more; when the holder lets go (a newer bundle is active) the last parse to finish releases the models.
/// </summary>
internal sealed class ParserGeneration
{
    private readonly IDisposable? _owner;
    private int _references = 1;

    public ParserGeneration(IIntentParser parser, long version, IDisposable? owner)
    {
        Parser = parser;
        Version = version;
        _owner = owner;
    }

    public IIntentParser Parser { get; }

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
