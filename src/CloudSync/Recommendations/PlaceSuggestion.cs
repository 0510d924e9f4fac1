namespace Car.CloudSync.Recommendations;

/// <summary>One suggestion: a name the driver can pick and navigate to, and a short description.</summary>
public sealed record PlaceSuggestion(string Name, string Description);
