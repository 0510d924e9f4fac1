using System.Runtime.InteropServices;

namespace Car.Assistant.Cli;

/// <summary>
/// Remembers whether the program was asked to stop by Ctrl+C (SIGINT) or SIGTERM, so that it exits with 130 or 143
/// however the command ended. Stopping itself is System.CommandLine's cancellation token and the host's lifetime.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode;

    public Interruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Interlocked.CompareExchange(ref _exitCode, ExitCodes.Interrupted, 0));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Interlocked.CompareExchange(ref _exitCode, ExitCodes.Terminated, 0));
    }

    /// <summary>130 after SIGINT, 143 after SIGTERM, else null.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and not 0 ? code : null;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }
}
