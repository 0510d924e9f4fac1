using Car.Language.Model;
using Car.Llama;

namespace Car.Language.Llm;

/// <summary>
/// The language model as a parser: the system prompt and grammar come from the intent schema, the prompt prefix
/// is evaluated once and reused, decoding is greedy under the grammar within a token budget and a deadline. Past
/// the deadline (or the budget) the result asks the driver to repeat instead of guessing.
/// </summary>
public sealed class LlmIntentParser : IIntentParser, IDisposable
{
    public const string EngineName = "llm";
    private const string Placeholder = "\u0001UTTERANCE\u0001";

    private readonly LlamaWeights _weights;
    private readonly LlamaContext _context;
    private readonly PrefixCachedExecutor _executor;
    private readonly IntentSchema _schema;
    private readonly LlmOptions _options;
    private readonly TimeProvider _time;

    /// <param name="time">The clock the deadline runs on (the system's when null).</param>
    public LlmIntentParser(LlamaWeights weights, NluModel model, RuleParser examples, LlmOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _weights = weights;
        _schema = model.Schema;
        _options = options;
        _time = time ?? TimeProvider.System;
        Grammar = IntentGrammar.Create(model.Schema);
        SystemPrompt = IntentPrompt.Create(model.Schema, examples);
        var chat = weights.ApplyChatTemplate([("system", SystemPrompt), ("user", Placeholder)], addAssistant: true);
        var split = chat.IndexOf(Placeholder, StringComparison.Ordinal);
        _context = weights.CreateContext(options.ContextSize, options.Threads, options.Poll, options.Nice);
        _executor = new PrefixCachedExecutor(_context, chat[..split], chat[(split + Placeholder.Length)..], Grammar.Text, options.ReusePrefix,
            string.IsNullOrEmpty(options.PrefixStateDirectory) ? null : options.PrefixStateDirectory);
        // Two intents of the longest kind, brackets and the end token: what a useful answer can need.
        TokenBudget = Math.Min(options.MaxTokens, (2 * Grammar.LongestIntentCharacters) + 4);
    }

    public string Engine => EngineName;

    public IntentGrammar Grammar { get; }

    public string SystemPrompt { get; }

    public int TokenBudget { get; }

    public int PrefixTokens => _executor.PrefixTokens;

    /// <summary>Why decoding runs at the process's priority instead of <see cref="LlmOptions.Nice"/>; null when it does not.</summary>
    public string? NiceRefused => _context.NiceRefused;

    /// <summary>Whether the system prompt's cache was restored from <see cref="LlmOptions.PrefixStateDirectory"/> instead of evaluated.</summary>
    public bool PrefixRestored => _executor.PrefixRestored;

    /// <summary>The whole prompt for an utterance as token ids, exactly as the model is given it.</summary>
    public int[] FullPromptTokens(string utterance) => _executor.PromptTokens(utterance);

    /// <summary>Evaluates the system prompt now so that the first utterance is as fast as the others.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken = default) => _executor.PrepareAsync(cancellationToken);

    /// <summary>The raw completion, for benchmarks and diagnostics.</summary>
    public Task<Completion> CompleteAsync(string text, int? maxTokens = null, CancellationToken cancellationToken = default) =>
        _executor.CompleteAsync(text, maxTokens ?? TokenBudget, cancellationToken);

    public async ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        var original = text?.Trim() ?? string.Empty;
        if (_executor.IsWarmingUp)
        {
            // Waiting for the start-up evaluation would spend the deadline; the driver is told to try again shortly.
            return new ParsedUtterance(original, [], Engine, Error: "the language model is still starting up", ErrorKind: ParseErrorKind.WarmingUp);
        }

        using var timer = new CancellationTokenSource(_options.Deadline, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var completion = await _executor.CompleteAsync(original, TokenBudget, deadline.Token).ConfigureAwait(false);
            var intents = completion.Finished ? IntentJsonReader.Read(completion.Text, _schema) : null;
            return intents is null
                ? new ParsedUtterance(original, [], Engine, Error: $"the model gave no complete answer in {TokenBudget} tokens", ErrorKind: ParseErrorKind.NoTimelyAnswer)
                : new ParsedUtterance(original, intents, Engine);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ParsedUtterance(original, [], Engine, Error: $"no answer within {_options.Deadline.TotalSeconds:0.###} s (Llm:Deadline)", ErrorKind: ParseErrorKind.NoTimelyAnswer);
        }
        catch (LlmException e)
        {
            return new ParsedUtterance(original, [], Engine, Error: e.Message, ErrorKind: ParseErrorKind.EngineFailed);
        }
    }

    public void Dispose()
    {
        _executor.Dispose();
        _context.Dispose();
        _weights.Dispose();
    }
}
