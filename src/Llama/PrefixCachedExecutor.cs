using System.Diagnostics;
using System.Text;

namespace Car.Llama;

/// <summary>
/// Runs a fixed prefix (the system prompt, in the model's chat template) once and keeps its KV cache; each call
/// evaluates only the user's words and the template's closing tokens after it, then samples greedily under a
/// grammar until the end of generation or the token budget. One call at a time; callers queue. Disposing it stops
/// the call in flight (a warm-up, say) and waits for it before the sampler is freed; later calls are refused.
/// </summary>
public sealed class PrefixCachedExecutor : IDisposable
{
    private readonly LlamaContext _context;
    private readonly GrammarSampler _sampler;
    private readonly int[] _prefix;
    private readonly int[] _suffix;
    private readonly bool _reusePrefix;
    private readonly string? _stateFile;
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private volatile bool _prefixEvaluated;
    private volatile bool _preparing;
    private volatile bool _disposed;

    /// <param name="stateDirectory">
    /// Where the evaluated prefix's cache is saved and found again after a restart (one file per weights, context size
    /// and prefix); null: evaluated at every start.
    /// </param>
    public PrefixCachedExecutor(LlamaContext context, string prefix, string suffix, string grammar, bool reusePrefix = true, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _prefix = context.Weights.Tokenize(prefix, addSpecial: true, parseSpecial: true);
        _suffix = context.Weights.Tokenize(suffix, addSpecial: false, parseSpecial: true);
        _sampler = new GrammarSampler(context.Weights, grammar);
        _reusePrefix = reusePrefix;
        _stateFile = stateDirectory is null || !reusePrefix ? null : Path.Combine(stateDirectory, $"llm-prefix-{StateKey(context, _prefix)}.kv");
    }

    public int PrefixTokens => _prefix.Length;

    /// <summary>Where the prefix's cache is saved, or null.</summary>
    public string? StateFile => _stateFile;

    /// <summary>Whether the prefix's cache came from <see cref="StateFile"/> rather than from evaluating it.</summary>
    public bool PrefixRestored { get; private set; }

    /// <summary>Whether the start-up evaluation of the prefix (<see cref="PrepareAsync"/>) is still running.</summary>
    public bool IsWarmingUp => _preparing && !_prefixEvaluated;

    /// <summary>Evaluates the prefix now (start-up) so that the first utterance does not pay for it.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        _preparing = true;
        try
        {
            await RunTurnAsync(token => EnsurePrefix(token), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _preparing = false;
        }
    }

    public Task<Completion> CompleteAsync(string userText, int maxTokens, CancellationToken cancellationToken = default) =>
        RunTurnAsync(token => Complete(userText, maxTokens, token), cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lifetime.Cancel();
        // Holding the turn means no native work of ours runs: then the sampler can go.
        if (_turn.Wait(DisposeWait))
        {
            _sampler.Dispose();
            _turn.Release();
            _lifetime.Dispose();
        }
        else
        {
            Console.Error.WriteLine($"{nameof(PrefixCachedExecutor)}: a completion still runs {DisposeWait.TotalSeconds:0} s after dispose; its sampler is left allocated.");
        }
    }

    /// <summary>One turn: queued behind the others, run on its own thread, stopped by the caller or by Dispose.</summary>
    private async Task<T> RunTurnAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
            await _turn.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed)
        {
            throw new ObjectDisposedException(nameof(PrefixCachedExecutor));
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await RunNativeAsync(() => work(linked.Token), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(PrefixCachedExecutor));
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Native work runs on its own thread, never on a thread-pool thread that async code waits for.</summary>
    private static Task<T> RunNativeAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static string StateKey(LlamaContext context, int[] prefix)
    {
        var identity = $"{context.Weights.Identity}|{context.ContextSize}|{string.Join(',', prefix)}";
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
    }

    private bool EnsurePrefix(CancellationToken cancellationToken)
    {
        if (!_prefixEvaluated)
        {
            if (_stateFile is not null && PrefixStateFile.TryRead(_stateFile) is { } state && _context.RestoreCache(state))
            {
                PrefixRestored = true;
            }
            else
            {
                _context.RemoveFrom(0);
                _context.Evaluate(_prefix, 0, cancellationToken);
                if (_stateFile is not null)
                {
                    PrefixStateFile.TryWrite(_stateFile, _context.SaveCache());
                }
            }

            _prefixEvaluated = true;
        }
        else
        {
            _context.RemoveFrom(_prefix.Length);
        }

        return true;
    }

    /// <summary>The token ids the model sees for an utterance: prefix, the driver's words, the template's suffix.</summary>
    public int[] PromptTokens(string userText) => [.. _prefix, .. UserTokens(userText)];

    // The driver's words never become control tokens: only the template's suffix is parsed for them.
    private int[] UserTokens(string userText) =>
        [.. _context.Weights.Tokenize(userText, addSpecial: false, parseSpecial: false), .. _suffix];

    private Completion Complete(string userText, int maxTokens, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var prompt = UserTokens(userText);
        if (_prefix.Length + prompt.Length + maxTokens > _context.ContextSize)
        {
            throw new LlmException(
                $"The utterance needs {_prefix.Length + prompt.Length + maxTokens} tokens with the answer; the context holds {_context.ContextSize}.");
        }

        if (_reusePrefix)
        {
            EnsurePrefix(cancellationToken);
            _context.Evaluate(prompt, _prefix.Length, cancellationToken);
        }
        else
        {
            // Without reuse the whole prompt goes in as one sequence, as any plain llama.cpp caller would do it.
            _context.RemoveFrom(0);
            _context.Evaluate([.. _prefix, .. prompt], 0, cancellationToken);
        }
        _sampler.Reset();
        var output = new List<byte>();
        var position = _prefix.Length + prompt.Length;
        var firstToken = TimeSpan.Zero;
        var generated = 0;
        var finished = false;
        while (generated < maxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = _sampler.Sample(_context);
            if (generated == 0)
            {
                firstToken = clock.Elapsed;
            }

            generated++;
            if (_context.Weights.IsEndOfGeneration(token))
            {
                finished = true;
                break;
            }

            output.AddRange(_context.Weights.TokenBytes(token));
            _context.Evaluate([token], position++, cancellationToken);
        }

        return new Completion(Encoding.UTF8.GetString([.. output]), _prefix.Length + prompt.Length, generated, finished, firstToken, clock.Elapsed);
    }
}
