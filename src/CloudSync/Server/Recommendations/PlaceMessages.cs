using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Habits;
using Car.CloudSync.Server.Maps;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>Domain places as contract messages.</summary>
internal static class PlaceMessages
{
    // A rough city average, door to door, for a quick ETA without routing every candidate.
    private const double CitySpeedMps = 25 / 3.6;
    private const double Detour = 1.3;

    public static GeoCoordinate ToCoordinate(GeoPoint? point) => point is null ? default : new GeoCoordinate(point.Latitude, point.Longitude);

    public static GeoPoint ToPoint(GeoCoordinate c) => new() { Latitude = c.Latitude, Longitude = c.Longitude };

    public static Place ToMessage(RankedPlace ranked) => new()
    {
        Id = ranked.Place.Id,
        Name = ranked.Place.Name,
        Category = ranked.Place.Category,
        Cuisine = ranked.Place.Cuisine,
        Position = ToPoint(ranked.Place.Position),
        DistanceMeters = Math.Round(ranked.DistanceMeters),
        EtaSeconds = (int)Math.Round(ranked.DistanceMeters * Detour / CitySpeedMps),
        Rating = ranked.Place.Rating,
        PriceLevel = ranked.Place.PriceLevel,
        OpenNow = ranked.OpenNow,
        Reason = ranked.Reason,
        Address = ranked.Place.Address,
    };

    public static MapPlace ToMapPlace(HabitPlace place) => new(
        place.Id, place.Name, place.Category, place.Cuisine, new GeoCoordinate(place.Latitude, place.Longitude), 0,
        place.PriceLevel, OpeningHours.Always, "", []);
}
