namespace Car.Speech.Whisper;

/// <summary>Speech recognition could not run: engine missing, model unreadable, or the transcription failed.</summary>
public sealed class WhisperException : Exception
{
    public WhisperException()
    {
    }

    public WhisperException(string message)
        : base(message)
    {
    }

    public WhisperException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
