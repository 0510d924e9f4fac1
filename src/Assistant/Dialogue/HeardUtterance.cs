using Car.Speech;

namespace Car.Assistant.Dialogue;

/// <summary>One utterance through the voice turn: what was heard, and either the turn or a request to repeat.</summary>
public sealed record HeardUtterance(Transcript? Transcript, TurnReport? Report, string? Ask);
