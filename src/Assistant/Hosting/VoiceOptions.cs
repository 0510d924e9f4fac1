namespace Car.Assistant.Hosting;

/// <summary>Options of the always-listening voice session. Section <c>Voice</c>.</summary>
public sealed class VoiceOptions
{
    public const string SectionName = "Voice";

    /// <summary>The whisper.cpp model (from the OTA bundle).</summary>
    public string? AsrModelPath { get; set; }
}
