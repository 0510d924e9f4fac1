namespace Car.Speech;

/// <summary>What Whisper heard: the text, the mean probability of its tokens, how many, and how long it took.</summary>
public sealed record Transcript(string Text, double Confidence, int Tokens, TimeSpan Elapsed);
