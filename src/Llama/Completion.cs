namespace Car.Llama;

/// <summary>What the model generated for one prompt, with the counts and times a benchmark reports.</summary>
public sealed record Completion(
    string Text,
    int PromptTokens,
    int GeneratedTokens,
    bool Finished,
    TimeSpan FirstToken,
    TimeSpan Total);
