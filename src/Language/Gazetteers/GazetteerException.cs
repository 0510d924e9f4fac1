namespace Car.Language.Gazetteers;

/// <summary>A gazetteer file that cannot be read, with the file and line to fix.</summary>
public sealed class GazetteerException : Exception
{
    public GazetteerException(string path, int line, string problem)
        : base(line > 0 ? $"gazetteer {path}, line {line}: {problem}" : $"gazetteer {path}: {problem}")
    {
        Path = path;
        Line = line;
    }

    public GazetteerException()
    {
        Path = string.Empty;
    }

    public GazetteerException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public GazetteerException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public string Path { get; }

    public int Line { get; }
}
