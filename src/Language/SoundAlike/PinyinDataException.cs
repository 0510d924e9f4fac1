namespace Car.Language.SoundAlike;

/// <summary>The pinyin table file is missing, malformed or truncated.</summary>
public sealed class PinyinDataException : Exception
{
    public PinyinDataException(string file, string problem)
        : base($"The pinyin table '{file}' is unusable: {problem}.")
    {
        File = file;
    }

    public PinyinDataException(string file, string problem, Exception innerException)
        : base($"The pinyin table '{file}' is unusable: {problem}.", innerException)
    {
        File = file;
    }

    public PinyinDataException()
    {
        File = string.Empty;
    }

    public PinyinDataException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public PinyinDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    /// <summary>The file that could not be used.</summary>
    public string File { get; }
}
