namespace Car.CloudSync.Server.Habits;

/// <summary>One stored habit counter of a vehicle: how much, how recently, and the place it is about when it is one.</summary>
public sealed record HabitCounter(string Key, double Count, DateTimeOffset LastAt, HabitPlace? Place);
