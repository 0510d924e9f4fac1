namespace Car.CloudSync.Server.Auth;

/// <summary>Which token each vehicle presents (<c>Auth:VehicleTokens:&lt;vehicleId&gt;</c>).</summary>
public sealed class VehicleAuthOptions
{
    public const string Section = "Auth";

    /// <summary>Vehicle id → bearer token. Empty: every vehicle is accepted (a development server; one warning at start).</summary>
    public Dictionary<string, string> VehicleTokens { get; init; } = new(StringComparer.Ordinal);
}
