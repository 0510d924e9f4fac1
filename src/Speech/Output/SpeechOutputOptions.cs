namespace Car.Speech.Output;

/// <summary>Spoken replies. Section <c>SpeechOutput</c>.</summary>
public sealed class SpeechOutputOptions
{
    public const string SectionName = "SpeechOutput";

    /// <summary>The espeak-ng program (Debian package espeak-ng).</summary>
    public string Program { get; set; } = "espeak-ng";

    /// <summary>The espeak-ng voice; cmn is Mandarin.</summary>
    public string Voice { get; set; } = "cmn";

    /// <summary>Words per minute.</summary>
    public int Speed { get; set; } = 170;

    /// <summary>The player the spoken WAV is piped into (Debian package alsa-utils), so a missing sound card is noticed.</summary>
    public string Player { get; set; } = "aplay";

    /// <summary>The ALSA PCM to play to (<c>default</c>, <c>hw:0,0</c>, or one defined in .asoundrc).</summary>
    public string Device { get; set; } = "default";
}
