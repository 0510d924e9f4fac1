using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Llm;

/// <summary>
/// At start-up, loads the configured parser and evaluates the LLM's system prompt in the background, so that the
/// driver's first fallback costs no more than the later ones. Start-up itself does not wait for it.
/// </summary>
public sealed class LlmWarmUpService(IntentParserSelector selector) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (selector.Parser is CascadeParser or LlmIntentParser && selector.Model is { } model)
        {
            await model.PrepareAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
