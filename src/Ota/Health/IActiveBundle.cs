using Car.Ota.Store;

namespace Car.Ota.Health;

/// <summary>The bundle the car's engines load from, and news of a new one (activation or rollback) so they can swap without a restart.</summary>
public interface IActiveBundle
{
    InstalledBundle Current { get; }

    /// <summary>Raised after <see cref="Current"/> changed; handlers load the new models off the caller's path.</summary>
    event EventHandler<InstalledBundle>? Changed;
}
