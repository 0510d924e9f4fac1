using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>
/// What a corpus label means in our contract: the exact intent list, or (when the contract cannot say it) only
/// which acting intents would not be wrong, or that the utterance needs the dialogue's context and is not scored.
/// </summary>
/// <param name="Intents">The exact intent list, or null when the contract cannot express the label.</param>
/// <param name="Tolerated">Names of acting intents that are not a wrong action even when their slots differ.</param>
/// <param name="NeedsContext">Why the utterance only makes sense after an earlier turn, or null.</param>
internal sealed record Expectation(IReadOnlyList<Intent>? Intents, IReadOnlyList<string> Tolerated, string? NeedsContext = null)
{
    public static Expectation Nothing { get; } = new([], []);

    public bool IsExpressible => Intents is not null;

    public static Expectation Exactly(params Intent[] intents) => new(intents, []);

    public static Expectation Inexpressible(params string[] tolerated) => new(null, tolerated);

    public static Expectation Contextual(string reason) => new(null, [], reason);

    public Expectation Tolerating(params string[] names) => this with { Tolerated = [.. Tolerated, .. names] };

    public override string ToString() =>
        NeedsContext is not null ? $"(needs context: {NeedsContext})"
        : Intents is null ? $"(not expressible; tolerated: {(Tolerated.Count == 0 ? "none" : string.Join(", ", Tolerated))})"
        : Intents.Count == 0 ? "[]"
        : string.Join("; ", Intents);
}
