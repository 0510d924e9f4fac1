using Car.Ota.Health;
using Car.Ota.Store;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>Loads the bundle's language data and parses its self-test utterances against their expected intents.</summary>
internal sealed class LanguageHealthCheck(BundleParserFactory factory) : IBundleHealthCheck
{
    public string Name => "language";

    public async Task<string?> CheckAsync(InstalledBundle bundle, CancellationToken cancellationToken)
    {
        var generation = factory.Build(bundle, withLlm: false);
        try
        {
            foreach (var test in bundle.Manifest?.SelfTests ?? [])
            {
                var parsed = await generation.Model.ParseAsync(test.Text, cancellationToken).ConfigureAwait(false);
                var intent = parsed.Intents.Count > 0 ? parsed.Intents[0].Name : parsed.Error ?? "nothing";
                if (intent != test.Intent)
                {
                    return $"'{test.Text}' parsed to {intent}, the bundle expects {test.Intent}";
                }
            }

            return null;
        }
        finally
        {
            generation.Release();
        }
    }
}
