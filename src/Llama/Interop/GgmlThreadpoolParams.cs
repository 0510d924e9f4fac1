using System.Runtime.InteropServices;

namespace Car.Llama.Interop;

/// <summary>ggml.h's <c>ggml_threadpool_params</c>: a CPU mask of GGML_MAX_N_THREADS (512) C bools, then the settings.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GgmlThreadpoolParams
{
    public fixed byte CpuMask[512];
    public int NThreads;

    /// <summary>ggml_sched_priority: 0 is normal.</summary>
    public int Priority;

    /// <summary>0: no polling, threads sleep as soon as they are idle; 100: aggressive polling.</summary>
    public uint Poll;
    public byte StrictCpu;
    public byte Paused;
}
