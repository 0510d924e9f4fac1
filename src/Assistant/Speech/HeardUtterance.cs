using Car.Assistant.Dialogue;
using Car.Assistant.Speech.Whisper;

namespace Car.Assistant.Speech;

/// <summary>One utterance through the speech path: what Whisper heard, and either the turn or a request to repeat.</summary>
public sealed record HeardUtterance(Transcript? Transcript, TurnReport? Report, string? Ask);
