namespace Car.Language;

/// <summary>
/// The values of the <c>position</c> slot (windows, seats, reading lights), mirroring the <c>position</c> enum of
/// models/nlu/schema.json.
/// </summary>
public static class Positions
{
    public const string Driver = "driver";
    public const string Passenger = "passenger";
    public const string RearLeft = "rear_left";
    public const string RearRight = "rear_right";
    public const string Front = "front";
    public const string Rear = "rear";
    public const string All = "all";
}
