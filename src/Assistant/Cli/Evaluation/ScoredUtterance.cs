using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>One utterance, what the parser made of it, and the outcome.</summary>
internal sealed record ScoredUtterance(LabeledUtterance Utterance, ParsedUtterance Parsed, Outcome Outcome);
