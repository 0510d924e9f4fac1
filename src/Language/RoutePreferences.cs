namespace Car.Language;

/// <summary>
/// The values of the <c>preference</c> slot of nav.go, mirroring the <c>preference</c> enum of
/// models/nlu/schema.json.
/// </summary>
public static class RoutePreferences
{
    public const string AvoidCongestion = "avoid_congestion";
    public const string Fastest = "fastest";
    public const string NoHighway = "no_highway";
    public const string AvoidToll = "avoid_toll";
}
