namespace Car.Language;

/// <summary>
/// The values of the <c>target</c> slot of climate.defrost (windscreen or rear window), mirroring the
/// <c>target</c> enum of models/nlu/schema.json.
/// </summary>
public static class DefrostTargets
{
    public const string Front = "front";
    public const string Rear = "rear";
}
