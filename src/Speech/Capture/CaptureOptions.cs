namespace Car.Speech.Capture;

/// <summary>Live audio from ALSA. Section <c>Capture</c>.</summary>
public sealed class CaptureOptions
{
    public const string SectionName = "Capture";

    /// <summary>The ALSA PCM to record from (<c>default</c>, <c>hw:1,0</c>, or one defined in .asoundrc).</summary>
    public string Device { get; set; } = "default";

    /// <summary>Always listening, or only while the talk key is pressed (console: Space or Enter).</summary>
    public ListeningMode Mode { get; set; } = ListeningMode.Always;

    /// <summary>The recorder program (Debian package alsa-utils).</summary>
    public string Program { get; set; } = "arecord";
}
