namespace Car.Language;

/// <summary>
/// The values of the <c>category</c> slot of poi.search, mirroring the <c>category</c> enum of
/// models/nlu/schema.json.
/// </summary>
public static class PlaceCategories
{
    public const string Food = "food";
    public const string GasStation = "gas_station";
    public const string ChargingStation = "charging_station";
    public const string Parking = "parking";
    public const string Restroom = "restroom";
    public const string Coffee = "coffee";
    public const string Hotel = "hotel";
    public const string Scenic = "scenic";
}
