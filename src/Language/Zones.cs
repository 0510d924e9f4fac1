namespace Car.Language;

/// <summary>
/// The values of the <c>zone</c> slot (climate stations), mirroring the <c>zone</c> enum of
/// models/nlu/schema.json.
/// </summary>
public static class Zones
{
    public const string Driver = "driver";
    public const string Passenger = "passenger";
    public const string Rear = "rear";
    public const string All = "all";
}
