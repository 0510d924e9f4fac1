using Car.Ota.Store;

namespace Car.Ota.Health;

/// <summary>
/// Checks that a freshly activated bundle works on this car (loads each model, parses the self-test utterances).
/// The assistant registers the checks: OTA knows bundles, not models or dialogue.
/// </summary>
public interface IBundleHealthCheck
{
    /// <summary>What is checked, for messages (<c>language</c>, <c>llm</c>, <c>asr</c>).</summary>
    string Name { get; }

    /// <summary>Null when healthy, else what failed.</summary>
    Task<string?> CheckAsync(InstalledBundle bundle, CancellationToken cancellationToken);
}
