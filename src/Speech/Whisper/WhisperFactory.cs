using Car.Native;
using Car.Speech.Whisper.Interop;

namespace Car.Speech.Whisper;

/// <summary>
/// A Whisper model loaded by whisper.cpp (Whisper.net's <c>WhisperFactory</c>): processors are built from it.
/// A missing, non-ggml, truncated or implausible file gives a <see cref="WhisperException"/> that says which.
/// </summary>
public sealed class WhisperFactory : IDisposable
{
    private static readonly NativeErrorLog Errors = new();
    private static readonly Lazy<bool> Logging = new(InstallLog);

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

    internal SemaphoreSlim Turn { get; } = new(1, 1);

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
        Context.Dispose();
        Turn.Dispose();
    }

    private static unsafe bool InstallLog()
    {
        WhisperNative.LogSet(NativeErrorLog.Callback, Errors.Handle);
        return true;
    }
}
