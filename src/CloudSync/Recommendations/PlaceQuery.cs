namespace Car.CloudSync.Recommendations;

/// <summary>What the driver is looking for nearby.</summary>
/// <param name="Category">A category of the intent contract (food, gas_station…), or null when only the words say it.</param>
/// <param name="Words">The driver's own words (川菜, 星巴克), or null.</param>
/// <param name="Position">Where the car is, or null when unknown.</param>
/// <param name="LocalTime">The car's local time (the owner's habits depend on hour and weekday).</param>
/// <param name="Offset">Places of the same ranking to skip (换一批 asks for the next ones).</param>
public sealed record PlaceQuery(string? Category, string? Words, GeoPosition? Position, DateTimeOffset LocalTime, int Offset = 0);
