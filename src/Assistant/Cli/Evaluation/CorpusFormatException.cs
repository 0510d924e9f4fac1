namespace Car.Assistant.Cli.Evaluation;

/// <summary>A corpus file that cannot be read as its format says, with where the problem is.</summary>
public sealed class CorpusFormatException : Exception
{
    public CorpusFormatException()
    {
    }

    public CorpusFormatException(string message)
        : base(message)
    {
    }

    public CorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
