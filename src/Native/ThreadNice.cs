using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Car.Native;

/// <summary>
/// The nice value of the calling thread. On Linux each thread has its own, and a thread it starts inherits it: the
/// OpenMP workers whisper.cpp starts from the thread that runs a pass (libgomp keeps a pool per starting thread) run
/// at that thread's value. Lowering it below 0 needs <c>CAP_SYS_NICE</c> or an <c>RLIMIT_NICE</c> that allows it;
/// raising it is always allowed. Elsewhere than Linux nothing is changed.
/// </summary>
internal static partial class ThreadNice
{
    private const int PriorityOfProcess = 0; // PRIO_PROCESS: with a thread id, Linux applies it to that thread alone
    private const int NotPermitted = 1; // EPERM
    private const int AccessDenied = 13; // EACCES

    private static readonly ConcurrentDictionary<int, string?> Refusals = new();

    /// <summary>Sets the calling thread's nice value; false (with the reason) when the system refuses.</summary>
    public static bool TrySet(int nice, out string? refusal)
    {
        if (!OperatingSystem.IsLinux())
        {
            refusal = "thread priorities are set on Linux only";
            return false;
        }

        if (SetPriority(PriorityOfProcess, GetThreadId(), nice) == 0)
        {
            refusal = null;
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        refusal = error is NotPermitted or AccessDenied
            ? $"nice {nice} needs CAP_SYS_NICE or LimitNICE (errno {error})"
            : $"setpriority failed (errno {error})";
        return false;
    }

    /// <summary>
    /// Whether a thread may run at <paramref name="nice"/>: tried once per value and process (the answer does not change
    /// while it runs, and a model that loads again should not start a thread again), on a short-lived thread, so no
    /// running thread's priority changes. Null when it may (0, the process's own, always may); otherwise the reason.
    /// </summary>
    public static string? Refusal(int nice) => nice == 0 ? null : Refusals.GetOrAdd(nice, Probe);

    private static string? Probe(int nice)
    {
        string? refusal = null;
        var probe = new Thread(() => TrySet(nice, out refusal)) { IsBackground = true, Name = "Car nice probe" };
        probe.Start();
        probe.Join();
        return refusal;
    }

    /// <summary>The calling thread's nice value (0 elsewhere than Linux).</summary>
    public static int Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        // getpriority may return -1 as a value: errno tells it from an error, so it is cleared first.
        Marshal.SetLastPInvokeError(0);
        var nice = GetPriority(PriorityOfProcess, GetThreadId());
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? 0 : nice;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int nice);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
