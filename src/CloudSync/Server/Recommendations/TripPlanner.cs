using System.Globalization;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Habits;
using Car.CloudSync.Server.Maps;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>Trip ideas: a scenic place for the theme, the scenic places near it, a meal nearby and, for longer trips, a hotel.</summary>
internal sealed class TripPlanner(IMapProvider map)
{
    private const double ScenicRadiusMeters = 80_000;
    private const double StopRadiusMeters = 6_000;

    public async Task<List<Trip>> PlanAsync(
        GeoCoordinate position, string theme, int days, int maxResults, DateTimeOffset localTime, HabitProfile habits, CancellationToken cancellationToken)
    {
        theme = theme.Trim();
        days = Math.Clamp(days, 1, 7);
        var scenic = await map.SearchAsync(new PlaceSearch(position, "scenic", null, null, ScenicRadiusMeters, 200), cancellationToken).ConfigureAwait(false);
        var themed = theme.Length == 0 || scenic.All(s => s.Themes.Count == 0)
            ? scenic
            : scenic.Where(s => s.Themes.Contains(theme)).ToList();
        var anchors = themed.OrderByDescending(s => s.Rating).ThenBy(s => s.Position.DistanceTo(position)).Take(maxResults).ToList();
        var trips = new List<Trip>();
        foreach (var anchor in anchors)
        {
            var stops = new List<MapPlace> { anchor };
            stops.AddRange(themed.Where(s => s.Id != anchor.Id && s.Position.DistanceTo(anchor.Position) < StopRadiusMeters * 2)
                .OrderBy(s => s.Position.DistanceTo(anchor.Position)).Take(days));
            var food = await map.SearchAsync(new PlaceSearch(anchor.Position, "food", null, null, StopRadiusMeters, 20), cancellationToken).ConfigureAwait(false);
            if (PlaceRanker.Rank(food, anchor.Position, localTime, habits).FirstOrDefault() is { } meal)
            {
                stops.Add(meal.Place);
            }

            if (days > 1)
            {
                var hotels = await map.SearchAsync(new PlaceSearch(anchor.Position, "hotel", null, null, StopRadiusMeters * 2, 10), cancellationToken).ConfigureAwait(false);
                if (hotels.OrderByDescending(h => h.Rating).FirstOrDefault() is { } hotel)
                {
                    stops.Add(hotel);
                }
            }

            var distance = 0.0;
            var at = position;
            foreach (var stop in stops)
            {
                distance += at.DistanceTo(stop.Position) * 1.3;
                at = stop.Position;
            }

            var themeName = theme.Length > 0 ? theme : (anchor.Themes.Count > 0 ? anchor.Themes[0] : "休闲");
            var trip = new Trip
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"trip-{anchor.Id}-{days}-{themeName}"),
                Title = days == 1 ? $"{anchor.Name}{themeName}一日游" : $"{anchor.Name}{themeName}{days}日游",
                Theme = themeName,
                Days = days,
                DistanceMeters = Math.Round(distance),
                Reason = $"{SpokenText.Rating(anchor.Rating)}，距您{SpokenText.Distance(anchor.Position.DistanceTo(position))}",
            };
            trip.Stops.AddRange(stops.Select(s =>
            {
                var d = s.Position.DistanceTo(position);
                return PlaceMessages.ToMessage(new RankedPlace(s, d, s.Hours.IsOpen(TimeOnly.FromTimeSpan(localTime.TimeOfDay)), 0, SpokenText.KindOf(s.Category, s.Cuisine)));
            }));
            trips.Add(trip);
        }

        return trips;
    }
}
