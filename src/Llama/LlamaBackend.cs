using Car.Llama.Interop;
using Car.Native;

namespace Car.Llama;

/// <summary>
/// Starts llama.cpp once per process: resolver, ggml's CPU backends (they must load before any model), log
/// capture, and a check that this build's default parameters are the ones the binding was written against.
/// </summary>
public static class LlamaBackend
{
    private static readonly NativeErrorLog Errors = new();
    private static readonly Lazy<bool> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the pinned llama.cpp libraries are beside the program.</summary>
    public static bool IsAvailable
    {
        get
        {
            NativeEngines.EnsureResolver(typeof(LlamaBackend).Assembly);
            return NativeEngines.LlamaIsPresent;
        }
    }

    /// <summary>Starts the backend; throws <see cref="LlmException"/> when the engine is missing or differs.</summary>
    public static void EnsureStarted() => _ = Started.Value;

    /// <summary>The last errors llama.cpp logged (for messages such as "unknown model architecture").</summary>
    internal static string TakeRecentErrors() => Errors.TakeRecent();

    private static unsafe bool Start()
    {
        if (!IsAvailable)
        {
            throw new LlmException($"llama.cpp is not installed beside the program ({NativeEngines.LlamaDirectory}).");
        }

        try
        {
            // Logs first, so that loading the CPU backends does not print to the console.
            LlamaNative.LogSet(NativeErrorLog.Callback, Errors.Handle);
            GgmlNative.BackendLoadAllFromPath(NativeEngines.LlamaDirectory);
            LlamaNative.BackendInit();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new LlmException($"llama.cpp could not be loaded: {e.Message}", e);
        }

        CheckDefaults();
        return true;
    }

    /// <summary>The binding's structs match this build only if its defaults are the documented ones.</summary>
    private static void CheckDefaults()
    {
        var context = LlamaNative.ContextDefaultParams();
        var model = LlamaNative.ModelDefaultParams();
        if (context.NCtx != 512 || context.NBatch != 2048 || context.NUbatch != 512 || context.NSeqMax != 1
            || model.NGpuLayers != -1 || model.MainGpu != 0)
        {
            throw new LlmException(
                $"This llama.cpp build does not match the binding (n_ctx {context.NCtx}, n_batch {context.NBatch}, " +
                $"n_gpu_layers {model.NGpuLayers}); the pinned version is v0.5.0.");
        }
    }
}
