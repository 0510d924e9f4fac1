namespace Car.Language.Compiled;

/// <summary>A compiled file is cut short, damaged or inconsistent; the message says what was wrong.</summary>
internal sealed class CompiledDataException : Exception
{
    public CompiledDataException()
    {
    }

    public CompiledDataException(string message)
        : base(message)
    {
    }

    public CompiledDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
