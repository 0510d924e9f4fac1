using Car.Llama.Interop;
using Car.Native;

namespace Car.Llama;

/// <summary>
/// A llama.cpp context (LLamaSharp's <c>LLamaContext</c>): evaluates tokens into its KV cache, keeps or trims the
/// cache by position, and stops native work when the caller's token is cancelled (abort callback). Disposing it
/// aborts a decode running on another thread and waits for it before the context is freed.
/// </summary>
public sealed class LlamaContext : IDisposable
{
    /// <summary>How long Dispose waits for an aborted decode; ggml checks the flag between graph nodes.</summary>
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private readonly SafeLlamaContextHandle _context;
    private readonly NativeAbortFlag _abort = new();
    private readonly NativeWorkGate _gate = new(nameof(LlamaContext));
    private readonly int _batchSize;
    private readonly int _nice;

    internal unsafe LlamaContext(LlamaWeights weights, int contextSize, int threads, int? poll, int nice)
    {
        Weights = weights;
        var parameters = LlamaNative.ContextDefaultParams();
        parameters.NCtx = (uint)contextSize;
        parameters.NBatch = (uint)Math.Min(contextSize, 512);
        parameters.NUbatch = parameters.NBatch;
        parameters.NThreads = threads;
        parameters.NThreadsBatch = threads;
        parameters.NoPerf = 1;
        _context = SafeLlamaContextHandle.Create(weights.Handle, parameters);
        NiceRefused = ThreadNice.Refusal(nice);
        _nice = NiceRefused is null ? nice : 0;
        // The pool's threads start now, from this thread, and keep the nice value they inherit.
        using (ThreadNiceScope.Enter(_nice))
        {
            if (poll is { } level && SafeGgmlThreadpoolHandle.TryCreate(threads, level) is { } threadpool)
            {
                _context.Attach(threadpool);
                Poll = level;
            }
        }

        ContextSize = (int)LlamaNative.NCtx(_context);
        _batchSize = (int)parameters.NBatch;
        // ggml asks the abort callback between graph nodes: it stops a decode on cancellation and on Dispose.
        LlamaNative.SetAbortCallback(_context, NativeAbortFlag.Callback, _abort.Handle);
    }

    public LlamaWeights Weights { get; }

    public int ContextSize { get; }

    /// <summary>How its threads poll for work (0 … 100) when it runs on a threadpool of Car's; null: llama.cpp's own (50).</summary>
    public int? Poll { get; }

    /// <summary>Why decoding runs at the process's priority instead of the nice value asked for; null when it does not.</summary>
    public string? NiceRefused { get; }

    internal SafeLlamaContextHandle Handle => _context;

    /// <summary>Evaluates tokens at positions <paramref name="start"/>… in batches; cancellable mid-batch.</summary>
    /// <exception cref="ObjectDisposedException">The context is (or was, during the call) disposed.</exception>
    public unsafe void Evaluate(ReadOnlySpan<int> tokens, int start, CancellationToken cancellationToken)
    {
        if (start + tokens.Length > ContextSize)
        {
            throw new LlmException($"The prompt needs {start + tokens.Length} tokens; the context holds {ContextSize}.");
        }

        using var pass = _gate.Enter(_abort);
        using var registration = cancellationToken.Register(() => _abort.Set());
        using var priority = ThreadNiceScope.Enter(_nice); // this thread computes the graph with the pool's threads
        try
        {
            for (var offset = 0; offset < tokens.Length; offset += _batchSize)
            {
                ThrowIfStopped(cancellationToken);
                var chunk = tokens.Slice(offset, Math.Min(_batchSize, tokens.Length - offset)).ToArray();
                fixed (int* pointer = chunk)
                {
                    var batch = LlamaNative.BatchGetOne(pointer, chunk.Length);
                    var result = LlamaNative.Decode(_context, batch);
                    if (result == 2 || _abort.IsSet)
                    {
                        RemoveCacheFrom(start + offset);
                        ThrowIfStopped(cancellationToken);
                        throw new OperationCanceledException("The evaluation was cancelled.", cancellationToken);
                    }

                    if (result != 0)
                    {
                        RemoveCacheFrom(start + offset);
                        throw new LlmException($"llama_decode failed ({result}) {LlamaBackend.TakeRecentErrors()}".Trim());
                    }
                }
            }
        }
        finally
        {
            _abort.Clear();
        }
    }

    /// <summary>Drops the cache from <paramref name="position"/> on, keeping what came before (a reused prefix).</summary>
    public void RemoveFrom(int position)
    {
        using var pass = _gate.Enter(_abort);
        RemoveCacheFrom(position);
    }

    /// <summary>The cache of the one sequence Car uses, as llama.cpp serialises it (to restore it after a restart).</summary>
    public unsafe byte[] SaveCache()
    {
        using var pass = _gate.Enter(_abort);
        var size = LlamaNative.StateSeqGetSize(_context, 0);
        var state = new byte[(int)size];
        fixed (byte* destination = state)
        {
            var written = LlamaNative.StateSeqGetData(_context, destination, size, 0);
            return written == size ? state : state[..(int)written];
        }
    }

    /// <summary>
    /// Replaces the cache with one <see cref="SaveCache"/> gave for this model and context size; false (and an empty
    /// cache) when llama.cpp refuses it.
    /// </summary>
    public unsafe bool RestoreCache(ReadOnlySpan<byte> state)
    {
        using var pass = _gate.Enter(_abort);
        RemoveCacheFrom(0);
        fixed (byte* source = state)
        {
            if (LlamaNative.StateSeqSetData(_context, source, (nuint)state.Length, 0) == 0)
            {
                RemoveCacheFrom(0);
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs a short native call (sampling) inside the gate, so that Dispose waits for it too.</summary>
    internal T Run<T>(Func<SafeLlamaContextHandle, T> call)
    {
        using var pass = _gate.Enter(_abort);
        return call(_context);
    }

    public void Dispose()
    {
        if (_gate.IsClosed)
        {
            return;
        }

        if (_gate.Close(DisposeWait))
        {
            _context.Dispose();
            _abort.Dispose();
        }
        else
        {
            // The decode still runs: the handle is released when it returns (SafeHandle reference counting);
            // the abort flag stays allocated because ggml may still call back with it.
            _context.Dispose();
        }
    }

    private void ThrowIfStopped(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_gate.IsClosed, this);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void RemoveCacheFrom(int position) =>
        LlamaNative.MemorySeqRm(LlamaNative.GetMemory(_context), 0, position, -1);
}
