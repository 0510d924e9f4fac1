using Car.Language;

namespace Car.Assistant.Policy;

/// <summary>One intent as the policy decided it: the targets to send now and what to say once they are done.</summary>
public sealed record DecidedStep(Intent Intent, IReadOnlyList<PlannedAction> Actions, string Reply);
