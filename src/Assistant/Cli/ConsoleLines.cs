namespace Car.Assistant.Cli;

/// <summary>Reads stdin lines so that Ctrl+C ends the wait at once (a console read ignores its token once begun).</summary>
public static class ConsoleLines
{
    public static Task<string?> ReadLineAsync(TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken);
    }
}
