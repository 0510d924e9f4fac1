using Car.Language.Model;
using Car.Llama;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Language.Llm;

/// <summary>
/// Chooses the parser from <see cref="LlmOptions"/>: rules, the LLM, or the cascade. In auto mode a missing
/// engine or an unusable model turns the LLM off with one line at start-up (no model at all: only at Debug level);
/// asking for the LLM explicitly fails instead.
/// </summary>
public sealed partial class IntentParserSelector : IDisposable
{
    private readonly Lazy<IIntentParser> _parser;
    private LlmIntentParser? _model;

    public IntentParserSelector(RuleParser rules, NluModel model, IOptions<LlmOptions> options, TimeProvider time, ILogger<IntentParserSelector> logger)
    {
        var settings = options.Value;
        _parser = new Lazy<IIntentParser>(() => settings.Engine switch
        {
            ParserEngine.Rules => rules,
            ParserEngine.Llm => _model = Load(rules, model, settings, time),
            _ => Cascade(rules, model, settings, time, logger),
        });
    }

    public IIntentParser Parser => _parser.Value;

    /// <summary>The loaded language model, once <see cref="Parser"/> has chosen one; else null.</summary>
    public LlmIntentParser? Model => _model;

    public void Dispose() => _model?.Dispose();

    private IIntentParser Cascade(RuleParser rules, NluModel model, LlmOptions settings, TimeProvider time, ILogger logger)
    {
        if (settings.ModelPath is null)
        {
            // Nobody asked for the LLM: rules only is the normal state, said only at Debug (--verbose) and in car status.
            Log.NoModel(logger);
            return rules;
        }

        if (!LlamaBackend.IsAvailable)
        {
            Log.RulesOnly(logger, "llama.cpp is not installed beside the program (build once with npm available)");
            return rules;
        }

        try
        {
            _model = Load(rules, model, settings, time);
            if (_model.NiceRefused is { } refusal)
            {
                Log.NiceRefused(logger, settings.Nice, refusal);
            }

            return new CascadeParser(rules, _model);
        }
        catch (LlmException e)
        {
            Log.RulesOnly(logger, e.Message);
            return rules;
        }
    }

    private static LlmIntentParser Load(RuleParser rules, NluModel model, LlmOptions settings, TimeProvider time)
    {
        if (settings.ModelPath is null)
        {
            throw new LlmException("The LLM engine needs a model: --model FILE or Llm:ModelPath.");
        }

        var weights = LlamaWeights.LoadFromFile(settings.ModelPath, settings.GpuLayers, settings.MemoryMap);
        try
        {
            return new LlmIntentParser(weights, model, rules, settings, time);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "LLM fallback off: {Reason}; rules only.")]
        public static partial void RulesOnly(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The language model decodes at the process's priority, not at nice {Nice}: {Refusal}. Under load its answers come later; Llm:Nice=0 silences this.")]
        public static partial void NiceRefused(ILogger logger, int nice, string refusal);

        [LoggerMessage(Level = LogLevel.Debug, Message = "LLM fallback off: no model configured (--model FILE or Llm:ModelPath); rules only.")]
        public static partial void NoModel(ILogger logger);
    }
}
