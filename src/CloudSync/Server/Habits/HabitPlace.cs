namespace Car.CloudSync.Server.Habits;

/// <summary>A place the owner went to, as the habit store remembers it.</summary>
public sealed record HabitPlace(
    string Id, string Name, double Latitude, double Longitude, string Category, string Cuisine, int PriceLevel);
