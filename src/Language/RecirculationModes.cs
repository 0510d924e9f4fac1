namespace Car.Language;

/// <summary>
/// The values of the <c>mode</c> slot of climate.recirculation, mirroring the <c>mode</c> enum of
/// models/nlu/schema.json.
/// </summary>
public static class RecirculationModes
{
    public const string Inner = "inner";
    public const string Outer = "outer";
}
