namespace Car.Assistant.Cli;

/// <summary>How the interactive session (console or voice) ended, for the program's exit code.</summary>
public sealed class SessionResult
{
    private int _exitCode;

    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Records a failure; the first one stands.</summary>
    public void Fail(int exitCode) => Interlocked.CompareExchange(ref _exitCode, exitCode, ExitCodes.Ok);
}
