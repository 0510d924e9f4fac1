namespace Car.Native;

/// <summary>
/// The calling thread at another nice value until disposed, then back at its own (going back up is always allowed).
/// Nothing changes for 0 or where the system refuses the value.
/// </summary>
internal readonly struct ThreadNiceScope : IDisposable
{
    private readonly int? _previous;

    private ThreadNiceScope(int previous)
    {
        _previous = previous;
    }

    public static ThreadNiceScope Enter(int nice)
    {
        if (nice == 0)
        {
            return default;
        }

        var previous = ThreadNice.Current();
        return previous != nice && ThreadNice.TrySet(nice, out _) ? new ThreadNiceScope(previous) : default;
    }

    public void Dispose()
    {
        if (_previous is { } previous)
        {
            _ = ThreadNice.TrySet(previous, out _);
        }
    }
}
