using System.Globalization;
using Car.CloudSync.Contract.V1;

namespace Car.CloudSync.Server.Habits;

/// <summary>
/// What one reported event teaches: counters per place, per place and hour (weekday or weekend), per cuisine and
/// price level, and the owner's labels. The store adds them up in the transaction that stores the event.
/// </summary>
internal static class HabitLearner
{
    public const double ChosenWeight = 0.5;

    public static IReadOnlyList<HabitIncrement> Learn(VehicleEvent e, DateTimeOffset localTime, HabitPlace? chosenPlace)
    {
        var increments = new List<HabitIncrement>();
        switch (e.KindCase)
        {
            case VehicleEvent.KindOneofCase.Trip:
                LearnTrip(e.Trip, localTime, increments);
                break;
            case VehicleEvent.KindOneofCase.Chosen when chosenPlace is not null:
                increments.Add(new HabitIncrement(HabitKeys.Place(chosenPlace.Id), ChosenWeight, localTime, chosenPlace));
                AddPreferences(chosenPlace, ChosenWeight, localTime, increments);
                break;
            default:
                break;
        }

        return increments;
    }

    public static string PlaceIdOf(TripTaken trip)
    {
        if (!string.IsNullOrEmpty(trip.PlaceId))
        {
            return trip.PlaceId;
        }

        return trip.Destination is { } d && (d.Latitude != 0 || d.Longitude != 0)
            ? string.Create(CultureInfo.InvariantCulture, $"geo:{d.Latitude:F4},{d.Longitude:F4}")
            : "name:" + trip.DestinationName;
    }

    private static void LearnTrip(TripTaken trip, DateTimeOffset at, List<HabitIncrement> increments)
    {
        // A trip to words the map never resolved (公司 before the cloud knows it) has no place to learn: the event is
        // kept, but a destination without a position must never be offered or routed to.
        var located = trip.Destination is { } destination && (destination.Latitude != 0 || destination.Longitude != 0);
        if (string.IsNullOrEmpty(trip.PlaceId) && !located)
        {
            return;
        }

        var place = new HabitPlace(
            PlaceIdOf(trip),
            string.IsNullOrEmpty(trip.DestinationName) ? trip.Label : trip.DestinationName,
            trip.Destination?.Latitude ?? 0,
            trip.Destination?.Longitude ?? 0,
            trip.Category,
            trip.Cuisine,
            trip.PriceLevel);
        var weekend = IsWeekend(at);
        increments.Add(new HabitIncrement(HabitKeys.Place(place.Id), 1, at, place));
        increments.Add(new HabitIncrement(HabitKeys.Slot(place.Id, weekend, at.Hour), 1, at));
        AddPreferences(place, 1, at, increments);
        if (!string.IsNullOrWhiteSpace(trip.Label))
        {
            increments.Add(new HabitIncrement(HabitKeys.Label(HabitKeys.CanonicalLabel(trip.Label.Trim())), 1, at, place));
        }

        if (!weekend && at.Hour is >= 7 and < 10)
        {
            increments.Add(new HabitIncrement(HabitKeys.Commute(place.Id), 1, at, place));
        }

        if (at.Hour is >= 18 or < 6)
        {
            increments.Add(new HabitIncrement(HabitKeys.Evening(place.Id), 1, at, place));
        }
    }

    private static void AddPreferences(HabitPlace place, double amount, DateTimeOffset at, List<HabitIncrement> increments)
    {
        if (!string.IsNullOrEmpty(place.Cuisine))
        {
            increments.Add(new HabitIncrement(HabitKeys.Cuisine(place.Cuisine), amount, at));
        }

        if (place.PriceLevel is >= 1 and <= 4)
        {
            increments.Add(new HabitIncrement(HabitKeys.Price(place.PriceLevel), amount, at));
        }
    }

    public static bool IsWeekend(DateTimeOffset localTime) => localTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
