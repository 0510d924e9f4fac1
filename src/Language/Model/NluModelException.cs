namespace Car.Language.Model;

/// <summary>A language model file (lexicon, rules, schema) that is missing or malformed.</summary>
public sealed class NluModelException : Exception
{
    public NluModelException(string file, string problem)
        : base($"The language data '{file}' is unusable: {problem}.")
    {
        File = file;
    }

    public NluModelException(string file, string problem, Exception innerException)
        : base($"The language data '{file}' is unusable: {problem}.", innerException)
    {
        File = file;
    }

    public NluModelException()
    {
        File = string.Empty;
    }

    public NluModelException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public NluModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }
}
