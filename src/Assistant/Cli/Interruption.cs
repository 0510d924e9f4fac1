using System.Runtime.InteropServices;

namespace Car.Assistant.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM: cancels <see cref="Token"/>, which the command's action and the host observe (the
/// console read ends at once, a turn in flight drains), and remembers the signal so that the program exits with 130 or
/// 143 however the command ended. Work that ignores cancellation is cut off after <see cref="ForceAfter"/>.
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>How long a stopping program may take before it is ended anyway.</summary>
    public static readonly TimeSpan ForceAfter = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode;

    public Interruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitCodes.Interrupted));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitCodes.Terminated));
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM, else null.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and not 0 ? code : null;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context, int exitCode)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, 0) != 0)
        {
            // A second Ctrl+C: the user means it.
            Environment.Exit(Volatile.Read(ref _exitCode));
        }

        _ = Task.Delay(ForceAfter, CancellationToken.None).ContinueWith(_ => Environment.Exit(exitCode), TaskScheduler.Default);
        // Cancelled on the thread pool: a handler never runs the command's continuations on the signal thread.
        _ = Task.Run(_stop.Cancel);
    }
}
