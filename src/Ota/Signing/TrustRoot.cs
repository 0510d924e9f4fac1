namespace Car.Ota.Signing;

/// <summary>
/// The keys a car trusts and how many of them must sign. Version 1 comes from <c>Ota:TrustedKeys</c>; a bundle may
/// carry a newer root (key rotation) signed by a threshold of the old keys and of the new ones.
/// </summary>
/// <param name="Keys">Public keys in their one-line text form (<see cref="PublicSigningKey.ToString"/>).</param>
public sealed record TrustRoot(int Version, int Threshold, IReadOnlyList<string> Keys);
