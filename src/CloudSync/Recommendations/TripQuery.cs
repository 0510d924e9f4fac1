namespace Car.CloudSync.Recommendations;

/// <summary>A trip idea for a theme (自驾, 亲子…, or null for anything) over a number of days (0: a day trip).</summary>
public sealed record TripQuery(string? Theme, int Days, GeoPosition? Position, DateTimeOffset LocalTime);
