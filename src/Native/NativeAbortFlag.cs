using System.Runtime.InteropServices;

namespace Car.Native;

/// <summary>
/// A cancellation flag native code can poll: ggml's abort callback (llama.cpp, whisper.cpp) is
/// <see cref="Callback"/> with <see cref="Handle"/> as its data; setting the flag makes the running computation stop.
/// </summary>
internal sealed unsafe class NativeAbortFlag : IDisposable
{
    private readonly GCHandle _self;
    private volatile bool _set;

    public NativeAbortFlag()
    {
        _self = GCHandle.Alloc(this);
    }

    public static delegate* unmanaged<IntPtr, byte> Callback => &ShouldAbort;

    public IntPtr Handle => GCHandle.ToIntPtr(_self);

    public bool IsSet => _set;

    public void Set() => _set = true;

    public void Clear() => _set = false;

    public void Dispose()
    {
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static byte ShouldAbort(IntPtr data) =>
        GCHandle.FromIntPtr(data).Target is NativeAbortFlag { IsSet: true } ? (byte)1 : (byte)0;
}
