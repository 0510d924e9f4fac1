using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Car.Native;

/// <summary>
/// Keeps the last errors a ggml-based engine logged (llama.cpp, whisper.cpp), so that a failed call can say why
/// ("unknown model architecture") instead of only that it failed. <see cref="Callback"/> with <see cref="Handle"/>
/// is the engine's ggml_log_callback; other levels are dropped, keeping the console quiet.
/// </summary>
internal sealed unsafe class NativeErrorLog
{
    private const int GgmlLogLevelError = 4;
    private const int Kept = 16;

    private readonly ConcurrentQueue<string> _errors = new();
    private readonly GCHandle _self;

    public NativeErrorLog()
    {
        // Lives as long as the process: the engines keep the callback until they are unloaded.
        _self = GCHandle.Alloc(this);
    }

    public static delegate* unmanaged<int, byte*, IntPtr, void> Callback => &OnLog;

    public IntPtr Handle => GCHandle.ToIntPtr(_self);

    /// <summary>The last few errors, oldest first, and forgets them.</summary>
    public string TakeRecent(int count = 3)
    {
        var errors = new List<string>();
        while (_errors.TryDequeue(out var error))
        {
            errors.Add(error);
        }

        return string.Join(" ", errors.Where(e => e.Length > 0).TakeLast(count));
    }

    [UnmanagedCallersOnly]
    private static void OnLog(int level, byte* text, IntPtr data)
    {
        if (level != GgmlLogLevelError || text == null || GCHandle.FromIntPtr(data).Target is not NativeErrorLog log)
        {
            return;
        }

        log._errors.Enqueue(Marshal.PtrToStringUTF8((IntPtr)text)?.Trim() ?? string.Empty);
        while (log._errors.Count > Kept && log._errors.TryDequeue(out _))
        {
        }
    }
}
