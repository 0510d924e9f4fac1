using Car.CloudSync.Server.Habits;
using Car.CloudSync.Server.Maps;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>
/// Orders candidates by nearness, rating, being open now and the owner's habits, and says why in a few words:
/// 您常去的川菜馆，距离1.2公里 / 评分4.6，距离800米.
/// </summary>
internal static class PlaceRanker
{
    public static List<RankedPlace> Rank(IEnumerable<MapPlace> candidates, GeoCoordinate position, DateTimeOffset localTime, HabitProfile habits)
    {
        var now = TimeOnly.FromTimeSpan(localTime.TimeOfDay);
        var ranked = new List<RankedPlace>();
        foreach (var place in candidates)
        {
            var distance = place.Position.DistanceTo(position);
            var open = place.Hours.IsOpen(now);
            var familiarity = habits.Familiarity(place.Id, localTime);
            var cuisineShare = habits.CuisineShare(place.Cuisine);
            var priceShare = habits.PriceShare(place.PriceLevel);
            var score = Math.Exp(-distance / 2500)
                + (0.6 * Math.Clamp((place.Rating - 3) / 2, 0, 1))
                + (2.0 * familiarity)
                + (0.6 * cuisineShare)
                + (0.3 * priceShare)
                - (open ? 0 : 3);
            ranked.Add(new RankedPlace(place, distance, open, score, Reason(place, distance, open, habits, cuisineShare)));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.Place.Id, b.Place.Id));
        return ranked;
    }

    private static string Reason(MapPlace place, double distance, bool open, HabitProfile habits, double cuisineShare)
    {
        var distanceText = "距离" + SpokenText.Distance(distance);
        var reason = habits.Visits(place.Id) >= 2
            ? $"您常去的{SpokenText.KindOf(place.Category, place.Cuisine)}，{distanceText}"
            : cuisineShare >= 0.3 && place.Category == "food"
                ? $"您喜欢的{place.Cuisine}，{SpokenText.Rating(place.Rating)}，{distanceText}"
                : place.Rating > 0 ? $"{SpokenText.Rating(place.Rating)}，{distanceText}" : distanceText;
        return open ? reason : reason + "，现在未营业";
    }
}
