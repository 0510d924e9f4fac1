using Car.Native;
using Car.Speech.Whisper.Interop;

namespace Car.Speech.Whisper;

/// <summary>
/// A Whisper model loaded by whisper.cpp (Whisper.net's <c>WhisperFactory</c>): processors are built from it.
/// A missing, non-ggml, truncated or implausible file gives a <see cref="WhisperException"/> that says which.
/// Disposing it aborts a transcription in flight and waits for it before the model is freed.
/// </summary>
public sealed class WhisperFactory : IDisposable
{
    private static readonly NativeErrorLog Errors = new();
    private static readonly Lazy<bool> Logging = new(InstallLog);
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private WhisperFactory(SafeWhisperContextHandle context)
    {
        Context = context;
    }

    /// <summary>True when whisper.cpp was built beside the program.</summary>
    public static bool IsAvailable
    {
        get
        {
            NativeEngines.EnsureResolver(typeof(WhisperFactory).Assembly);
            return NativeEngines.WhisperIsPresent;
        }
    }

    internal SafeWhisperContextHandle Context { get; }

    /// <summary>Every native call on <see cref="Context"/> passes here, so that Dispose can wait for it.</summary>
    internal NativeWorkGate Gate { get; } = new(nameof(WhisperFactory));

    /// <summary>Where this model's passes run, one at a time: one thread for all of them, ended with the model.</summary>
    internal WhisperPassThread Passes { get; } = new("Whisper pass");

    public static WhisperFactory FromPath(string path)
    {
        if (!File.Exists(path))
        {
            throw new WhisperException($"The ASR model '{path}' does not exist.");
        }

        WhisperHeaderValidator.Validate(path);

        if (!IsAvailable)
        {
            throw new WhisperException($"whisper.cpp is not built beside the program ({NativeEngines.WhisperDirectory}); build once with cmake available.");
        }

        _ = Logging.Value;
        var parameters = WhisperNative.ContextDefaultParams();
        parameters.UseGpu = 0;
        var context = WhisperNative.InitFromFile(path, parameters);
        if (context == IntPtr.Zero)
        {
            var errors = Errors.TakeRecent(2);
            throw new WhisperException($"whisper.cpp could not load '{path}'{(errors.Length > 0 ? $": {errors}" : " (truncated or unsupported file)")}.");
        }

        return new WhisperFactory(new SafeWhisperContextHandle(context));
    }

    public WhisperProcessorBuilder CreateBuilder() => new(this);

    public void Dispose()
    {
        if (Gate.IsClosed)
        {
            return;
        }

        // When a transcription outlives the wait, SafeHandle reference counting frees the context after it returns.
        Gate.Close(DisposeWait);
        Passes.Complete();
        Context.Dispose();
    }

    private static unsafe bool InstallLog()
    {
        WhisperNative.LogSet(NativeErrorLog.Callback, Errors.Handle);
        return true;
    }
}
