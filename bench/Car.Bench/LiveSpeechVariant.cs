using Car.ModelWriting;
using Car.Speech.Recognition;

namespace Car.Bench;

/// <summary>
/// What the live speech benchmark varies besides load and recognition mode: how the Whisper model's matrices are
/// stored, the prompt (null: the configured default; empty: none), the pause after which the guess starts and the
/// level below which a speech frame counts as pause for it, and the nice value recognition runs at (null: the
/// configured defaults).
/// </summary>
internal sealed record LiveSpeechVariant(WhisperWeightType Weights, string? Prompt, int? SpeculateAfterMs, double? PauseLevel, int? Nice)
{
    public override string ToString() =>
        $"{Weights}, {(Prompt is null ? "car prompt" : Prompt.Length == 0 ? "no prompt" : $"prompt of {Prompt.Length} chars")}" +
        (SpeculateAfterMs is { } ms ? $", guess after {ms} ms" : string.Empty) +
        (PauseLevel is { } level ? $", pause below {level:F0} dB" : string.Empty) +
        $", nice {Nice ?? new SpeechRecognitionOptions().Nice}";
}
