namespace Car.CloudSync.Server.Habits;

/// <summary>
/// One vehicle's habits as read from the store for one request: how often and how recently each place was visited,
/// at which hours, which cuisines and prices, and which places carry the owner's labels.
/// </summary>
internal sealed class HabitProfile
{
    private const double RecencyDays = 30;
    private readonly Dictionary<string, HabitCounter> _counters;
    private readonly double _cuisineTotal;
    private readonly double _priceTotal;

    public HabitProfile(IReadOnlyList<HabitCounter> counters)
    {
        _counters = counters.ToDictionary(c => c.Key, StringComparer.Ordinal);
        _cuisineTotal = counters.Where(c => c.Key.StartsWith("cuisine:", StringComparison.Ordinal)).Sum(c => c.Count);
        _priceTotal = counters.Where(c => c.Key.StartsWith("price:", StringComparison.Ordinal)).Sum(c => c.Count);
    }

    public static HabitProfile Empty { get; } = new([]);

    public bool IsEmpty => _counters.Count == 0;

    /// <summary>Visits (chosen recommendations count half), 0 when never.</summary>
    public double Visits(string placeId) => _counters.GetValueOrDefault(HabitKeys.Place(placeId))?.Count ?? 0;

    /// <summary>0–1: visited often, recently, and at this time of day on this kind of day.</summary>
    public double Familiarity(string placeId, DateTimeOffset localTime)
    {
        if (!_counters.TryGetValue(HabitKeys.Place(placeId), out var place))
        {
            return 0;
        }

        var days = Math.Max(0, (localTime - place.LastAt).TotalDays);
        var frequency = Math.Min(place.Count, 5) / 5 * Math.Exp(-days / RecencyDays);
        var weekend = HabitLearner.IsWeekend(localTime);
        double slot = 0;
        for (var h = localTime.Hour - 1; h <= localTime.Hour + 1; h++)
        {
            slot += _counters.GetValueOrDefault(HabitKeys.Slot(placeId, weekend, (h + 24) % 24))?.Count ?? 0;
        }

        return (0.55 * frequency) + (0.45 * Math.Min(slot, 4) / 4);
    }

    /// <summary>The share of the owner's food visits that were this cuisine (0–1).</summary>
    public double CuisineShare(string cuisine) =>
        _cuisineTotal <= 0 || string.IsNullOrEmpty(cuisine) ? 0 : (_counters.GetValueOrDefault(HabitKeys.Cuisine(cuisine))?.Count ?? 0) / _cuisineTotal;

    /// <summary>The share of the owner's visits at this price level (0–1).</summary>
    public double PriceShare(int level) =>
        _priceTotal <= 0 || level <= 0 ? 0 : (_counters.GetValueOrDefault(HabitKeys.Price(level))?.Count ?? 0) / _priceTotal;

    /// <summary>
    /// The place behind the owner's label: an explicit label wins; otherwise 公司 is the most frequent weekday
    /// 07:00–10:00 destination and 家 the most frequent evening or night one.
    /// </summary>
    public HabitPlace? ResolveLabel(string text)
    {
        var label = HabitKeys.CanonicalLabel(text.Trim());
        if (_counters.TryGetValue(HabitKeys.Label(label), out var explicitLabel) && explicitLabel.Place is not null)
        {
            return explicitLabel.Place;
        }

        var prefix = label switch
        {
            HabitKeys.Work => "commute:",
            HabitKeys.Home => "evening:",
            _ => null,
        };
        if (prefix is null)
        {
            return null;
        }

        return _counters.Values
            .Where(c => c.Place is not null && c.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(c => c.Count)
            .ThenByDescending(c => c.LastAt)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault()?.Place;
    }
}
