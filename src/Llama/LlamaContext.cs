using Car.Llama.Interop;
using Car.Native;

namespace Car.Llama;

/// <summary>
/// A llama.cpp context (LLamaSharp's <c>LLamaContext</c>): evaluates tokens into its KV cache, keeps or trims the
/// cache by position, and stops native work when the caller's token is cancelled (abort callback).
/// </summary>
public sealed class LlamaContext : IDisposable
{
    private readonly SafeLlamaContextHandle _context;
    private readonly NativeAbortFlag _abort = new();
    private readonly int _batchSize;

    internal unsafe LlamaContext(LlamaWeights weights, int contextSize, int threads)
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
        ContextSize = (int)LlamaNative.NCtx(_context);
        _batchSize = (int)parameters.NBatch;
    }

    public LlamaWeights Weights { get; }

    public int ContextSize { get; }

    internal SafeLlamaContextHandle Handle => _context;

    /// <summary>Evaluates tokens at positions <paramref name="start"/>… in batches; cancellable mid-batch.</summary>
    public unsafe void Evaluate(ReadOnlySpan<int> tokens, int start, CancellationToken cancellationToken)
    {
        if (start + tokens.Length > ContextSize)
        {
            throw new LlmException($"The prompt needs {start + tokens.Length} tokens; the context holds {ContextSize}.");
        }

        // ggml asks the abort callback between graph nodes; install it only when the caller can cancel.
        var cancellable = cancellationToken.CanBeCanceled;
        if (cancellable)
        {
            LlamaNative.SetAbortCallback(_context, NativeAbortFlag.Callback, _abort.Handle);
        }

        using var registration = cancellationToken.Register(() => _abort.Set());
        try
        {
            for (var offset = 0; offset < tokens.Length; offset += _batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = tokens.Slice(offset, Math.Min(_batchSize, tokens.Length - offset)).ToArray();
                fixed (int* pointer = chunk)
                {
                    var batch = LlamaNative.BatchGetOne(pointer, chunk.Length);
                    var result = LlamaNative.Decode(_context, batch);
                    if (result == 2 || cancellationToken.IsCancellationRequested)
                    {
                        RemoveFrom(start + offset);
                        throw new OperationCanceledException("The evaluation was cancelled.", cancellationToken);
                    }

                    if (result != 0)
                    {
                        RemoveFrom(start + offset);
                        throw new LlmException($"llama_decode failed ({result}) {LlamaBackend.TakeRecentErrors()}".Trim());
                    }
                }
            }
        }
        finally
        {
            _abort.Clear();
            if (cancellable)
            {
                LlamaNative.SetAbortCallback(_context, null, IntPtr.Zero);
            }
        }
    }

    /// <summary>Drops the cache from <paramref name="position"/> on, keeping what came before (a reused prefix).</summary>
    public void RemoveFrom(int position) =>
        LlamaNative.MemorySeqRm(LlamaNative.GetMemory(_context), 0, position, -1);

    public void Dispose()
    {
        _context.Dispose();
        _abort.Dispose();
    }
}
