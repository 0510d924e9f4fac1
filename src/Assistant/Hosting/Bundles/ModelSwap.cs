namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// The models new requests use, replaceable while requests run: a request takes the current generation and releases
/// it when done; a replacement lets go of the old generation, whose models are released when its last request ends.
/// Shared by the reloadable parser and recogniser.
/// </summary>
internal sealed class ModelSwap<T>(Func<ModelGeneration<T>> initial) : IDisposable
    where T : class
{
    private readonly Lazy<ModelGeneration<T>> _initial = new(initial);
    private ModelGeneration<T>? _current;

    /// <summary>The generation new requests get (the initial one, built on first use, until a replacement).</summary>
    public ModelGeneration<T> Current => Volatile.Read(ref _current) ?? _initial.Value;

    /// <summary>Takes a reference to the current generation; the caller releases it.</summary>
    public ModelGeneration<T> Acquire()
    {
        while (true)
        {
            var generation = Current;
            if (generation.TryAcquire())
            {
                return generation;
            }
        }
    }

    /// <summary>Reads from the current generation while holding a reference.</summary>
    public TResult Use<TResult>(Func<T, TResult> read)
    {
        var generation = Acquire();
        try
        {
            return read(generation.Model);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Makes <paramref name="next"/> the generation new requests get, and lets go of the previous one.</summary>
    public void Replace(ModelGeneration<T> next)
    {
        var previous = Interlocked.Exchange(ref _current, next) ?? (_initial.IsValueCreated ? _initial.Value : null);
        previous?.Release();
    }

    public void Dispose()
    {
        var current = Interlocked.Exchange(ref _current, null) ?? (_initial.IsValueCreated ? _initial.Value : null);
        current?.Release();
    }
}
