namespace Car.Language;

/// <summary>
/// The values of the <c>subject</c> slot of status.query, mirroring the <c>subject</c> enum of
/// models/nlu/schema.json.
/// </summary>
public static class StatusSubjects
{
    public const string CabinTemperature = "cabin_temperature";
    public const string OutsideTemperature = "outside_temperature";
    public const string Window = "window";
    public const string Fuel = "fuel";
    public const string Battery = "battery";
    public const string Range = "range";
    public const string Speed = "speed";
}
