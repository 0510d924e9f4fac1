namespace Car.Language.Segmentation;

/// <summary>jieba's dictionary or HMM file is missing, malformed or cut short; the message names the file and line.</summary>
public sealed class SegmentationDataException : Exception
{
    public SegmentationDataException()
    {
    }

    public SegmentationDataException(string message)
        : base(message)
    {
    }

    public SegmentationDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static SegmentationDataException AtLine(string path, int line, string problem) =>
        new($"{path}, line {line}: {problem}");
}
