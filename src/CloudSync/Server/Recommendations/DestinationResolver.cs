using Car.CloudSync.Server.Habits;
using Car.CloudSync.Server.Maps;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>
/// The driver's destination words as a place: the owner's labels (公司, 家) from the habit model, a place name
/// (exact or contained), or a kind of place (加油站: the best one near).
/// </summary>
internal sealed class DestinationResolver(IMapProvider map)
{
    public async ValueTask<(MapPlace? Place, string Reason)> ResolveAsync(
        string text, GeoCoordinate near, DateTimeOffset localTime, HabitProfile habits, CancellationToken cancellationToken)
    {
        var words = StripVerbs(text);
        if (words.Length == 0)
        {
            return (null, "");
        }

        if (habits.ResolveLabel(words) is { } labelled)
        {
            var place = labelled.Id.Contains(':', StringComparison.Ordinal)
                ? PlaceMessages.ToMapPlace(labelled)
                : await map.FindByIdAsync(labelled.Id, cancellationToken).ConfigureAwait(false) ?? PlaceMessages.ToMapPlace(labelled);
            return (place, $"您的{HabitKeys.CanonicalLabel(words)}：{place.Name}");
        }

        if (await map.FindByNameAsync(words, near, cancellationToken).ConfigureAwait(false) is { } named)
        {
            return (named, named.Name);
        }

        var kind = PlaceWords.Read("", words);
        if (kind.Category is not null)
        {
            var candidates = await map.SearchAsync(
                new PlaceSearch(near, kind.Category, kind.Cuisine, null, 5000, 30), cancellationToken).ConfigureAwait(false);
            var best = PlaceRanker.Rank(candidates, near, localTime, habits).FirstOrDefault();
            if (best is not null)
            {
                return (best.Place, best.Reason);
            }
        }

        return (null, "");
    }

    private static string StripVerbs(string text)
    {
        var words = text.Trim();
        foreach (var verb in new[] { "导航到", "导航去", "带我去", "我要去", "开车去", "去往", "回", "去", "到" })
        {
            if (words.StartsWith(verb, StringComparison.Ordinal) && words.Length > verb.Length)
            {
                return words[verb.Length..].Trim();
            }
        }

        return words;
    }
}
