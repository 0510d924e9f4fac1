using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>One utterance, what the parser made of it (in a dialogue run: what the car carried out), and the outcome.</summary>
/// <param name="Asked">In a dialogue run, the question the car asked back instead of acting, else null.</param>
internal sealed record ScoredUtterance(LabeledUtterance Utterance, ParsedUtterance Parsed, Outcome Outcome, string? Asked = null);
