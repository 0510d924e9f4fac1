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
}
