using System.Runtime.InteropServices;

namespace Car.Native;

/// <summary>
/// How whisper.cpp's OpenMP threads (libgomp) wait at a barrier. libgomp reads <c>OMP_WAIT_POLICY</c> and
/// <c>GOMP_SPINCOUNT</c> from the native environment once, when it loads, so they are set with libc's
/// <c>setenv</c> (.NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach native
/// code) just before the resolver loads whisper.cpp. On a head unit that shares its cores with navigation and media,
/// spinning threads burn the time the other processes need and a preempted spinner stalls the whole barrier:
/// passive (futex) waiting is the default. A value already in the process's environment wins.
/// </summary>
internal static partial class OpenMpWaitPolicy
{
    public const string PolicyVariable = "OMP_WAIT_POLICY";
    public const string SpinCountVariable = "GOMP_SPINCOUNT";

    private static readonly Lock Gate = new();
    private static string _policy = "PASSIVE";
    private static long? _spinCount;
    private static bool _applied;

    /// <summary>
    /// Chooses the policy (<c>PASSIVE</c> or <c>ACTIVE</c>) and, optionally, how many spins a waiting thread makes
    /// before sleeping. Returns false when whisper.cpp is already loaded: the choice can no longer take effect.
    /// </summary>
    public static bool Choose(string policy, long? spinCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        lock (Gate)
        {
            if (_applied)
            {
                return string.Equals(policy, _policy, StringComparison.OrdinalIgnoreCase) && spinCount == _spinCount;
            }

            _policy = policy.ToUpperInvariant();
            _spinCount = spinCount;
            return true;
        }
    }

    /// <summary>Writes the chosen policy into the native environment (once); called by the resolver before whisper.cpp loads.</summary>
    internal static void Apply()
    {
        lock (Gate)
        {
            if (_applied)
            {
                return;
            }

            _applied = true;
            SetDefault(PolicyVariable, _policy);
            if (_spinCount is { } spins)
            {
                SetDefault(SpinCountVariable, spins.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The value libgomp will see (the native environment, not .NET's copy).</summary>
    internal static string? Native(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    private static void SetDefault(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is { Length: > 0 })
        {
            return;
        }

        if (SetEnv(name, value, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv {name} failed ({Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
