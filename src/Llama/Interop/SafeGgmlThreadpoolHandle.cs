using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Car.Llama.Interop;

/// <summary>
/// A ggml CPU threadpool (ggml_threadpool_new), attached to a context so that its threads' polling is Car's choice:
/// llama.cpp's own pool polls for new work (poll 50), which burns a shared head unit's cores between graphs. The
/// CPU backend is loaded at run time (the best variant for this CPU), so the functions come from its registry.
/// </summary>
internal sealed unsafe class SafeGgmlThreadpoolHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private static readonly Lazy<(IntPtr New, IntPtr Free)> Functions = new(Find);

    public SafeGgmlThreadpoolHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>A pool of <paramref name="threads"/> polling at <paramref name="poll"/> (0: sleep at once … 100); null when the CPU backend offers none.</summary>
    public static SafeGgmlThreadpoolHandle? TryCreate(int threads, int poll)
    {
        var (create, _) = Functions.Value;
        if (create == IntPtr.Zero)
        {
            return null;
        }

        var parameters = new GgmlThreadpoolParams { NThreads = threads, Poll = (uint)poll };
        var pointer = ((delegate* unmanaged<GgmlThreadpoolParams*, IntPtr>)create)(&parameters);
        if (pointer == IntPtr.Zero)
        {
            return null;
        }

        var pool = new SafeGgmlThreadpoolHandle();
        pool.SetHandle(pointer);
        return pool;
    }

    protected override bool ReleaseHandle()
    {
        ((delegate* unmanaged<IntPtr, void>)Functions.Value.Free)(handle);
        return true;
    }

    private static (IntPtr New, IntPtr Free) Find()
    {
        var cpu = GgmlNative.BackendRegByName("CPU");
        if (cpu == IntPtr.Zero)
        {
            return (IntPtr.Zero, IntPtr.Zero);
        }

        var create = GgmlNative.BackendRegGetProcAddress(cpu, "ggml_threadpool_new");
        var free = GgmlNative.BackendRegGetProcAddress(cpu, "ggml_threadpool_free");
        return create == IntPtr.Zero || free == IntPtr.Zero ? (IntPtr.Zero, IntPtr.Zero) : (create, free);
    }
}
