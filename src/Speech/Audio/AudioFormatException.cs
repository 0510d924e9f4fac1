namespace Car.Speech.Audio;

/// <summary>Audio the assistant cannot read: not a WAV file, truncated, or an encoding it does not support.</summary>
public sealed class AudioFormatException : Exception
{
    public AudioFormatException()
    {
    }

    public AudioFormatException(string message)
        : base(message)
    {
    }

    public AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
