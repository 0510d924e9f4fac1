namespace Car.Speech.Output;

/// <summary>Says the assistant's replies.</summary>
public interface ISpeaker
{
    /// <summary>False when nothing can be spoken (the assistant then only prints its replies).</summary>
    bool IsAvailable { get; }

    /// <summary>Why speech is off, when it is.</summary>
    string? Unavailable { get; }

    /// <summary>Speaks to the sound device.</summary>
    Task SpeakAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Writes the spoken text to a WAV file.</summary>
    Task WriteWavAsync(string text, string path, CancellationToken cancellationToken = default);
}
