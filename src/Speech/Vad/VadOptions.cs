using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.Speech.Vad;

/// <summary>How speech is found in audio. Section <c>Vad</c>.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: VadOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class VadOptions
{
    public const string SectionName = "Vad";

    /// <summary>The Silero ONNX model; by default the pinned npm copy beside the program. Missing: energy fallback.</summary>
    public string? ModelPath { get; set; }

    /// <summary>A frame at or above this probability is speech.</summary>
    [Range(0.05, 0.99)]
    public double Threshold { get; set; } = 0.5;

    /// <summary>Shorter bursts are not utterances (a cough, a click).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan MinSpeech { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>This much silence ends an utterance.</summary>
    [Range(typeof(TimeSpan), "00:00:00.032", "00:00:05")]
    public TimeSpan MinSilence { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Audio kept before the first and after the last speech frame.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan Padding { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// After this much silence within an utterance (from the last speech frame, while the frames after it are not
    /// speech), what was heard so far is recognised speculatively, so that the transcript is ready (or nearly) when
    /// the end is declared; speech that resumes cancels it. Silero's speech probability stays high for about 75 ms
    /// after the voice stops, so the guess starts about that much later. Zero: never.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan SpeculateAfter { get; set; } = TimeSpan.FromMilliseconds(64);

    /// <summary>
    /// A speech frame this many decibels or more below the mean level of the utterance's voiced frames counts as a pause for the
    /// guess (<see cref="SpeculateAfter"/>), though Silero still says speech: its probability trails the voice by about
    /// 75 ms, the level falls at once. Speech that continues past the guessed audio, however quiet, makes the guess
    /// unused (the whole utterance is recognised again), so this decides only how early a guess starts. Zero: Silero alone.
    /// </summary>
    [Range(0.0, 60.0)]
    public double PauseLevel { get; set; } = 20;

    /// <summary>
    /// When the speculative transcript is a complete, clear request, this much silence ends the utterance instead of
    /// <see cref="MinSilence"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.032", "00:00:05")]
    public TimeSpan CompleteRequestSilence { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>An utterance is cut here even if the driver keeps talking.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MaxUtterance { get; set; } = TimeSpan.FromSeconds(15);
}
