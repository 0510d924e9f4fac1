namespace Car.Ota.Bundles;

/// <summary>An utterance the bundle's language data must parse to <paramref name="Intent"/>.</summary>
public sealed record SelfTest(string Text, string Intent);
