using Car.Ota.Store;

namespace Car.Ota.Health;

/// <summary>The in-process <see cref="IActiveBundle"/>: read from the store once, then published to by installs and rollbacks.</summary>
public sealed class ActiveBundle : IActiveBundle
{
    private InstalledBundle _current;

    public ActiveBundle(InstalledBundle initial)
    {
        _current = initial;
    }

    public InstalledBundle Current => Volatile.Read(ref _current);

    public event EventHandler<InstalledBundle>? Changed;

    public void Publish(InstalledBundle bundle)
    {
        Volatile.Write(ref _current, bundle);
        Changed?.Invoke(this, bundle);
    }
}
