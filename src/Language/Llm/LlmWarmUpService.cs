using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Language.Llm;

/// <summary>
/// At start-up, loads the configured parser and evaluates the LLM's system prompt in the background, so that the
/// driver's first fallback costs no more than the later ones. Start-up itself does not wait for it. With no model
/// configured it does nothing (the parser says it is rules-only when it is first used).
/// </summary>
public sealed class LlmWarmUpService(IntentParserSelector selector, IOptions<LlmOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (options.Value.ModelPath is null || options.Value.Engine == ParserEngine.Rules)
        {
            return;
        }

        if (selector.Parser is CascadeParser or LlmIntentParser && selector.Model is { } model)
        {
            await model.PrepareAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
