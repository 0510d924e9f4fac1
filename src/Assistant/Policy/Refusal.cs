namespace Car.Assistant.Policy;

/// <summary>An intent the policy would not carry out, with the reason it says to the driver.</summary>
public sealed record Refusal(string Intent, string Reason);
