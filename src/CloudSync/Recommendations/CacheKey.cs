namespace Car.CloudSync.Recommendations;

/// <summary>Which remembered answers can serve a question: the same vehicle, kind of question and words.</summary>
/// <param name="Kind">places, route or trip.</param>
/// <param name="Query">The question's own fields, joined (category, words, offset…).</param>
internal sealed record CacheKey(string VehicleId, string Kind, string Query);
