namespace Car.CloudSync.Server.Habits;

/// <summary>What one event adds to one habit counter (<see cref="Key"/> such as <c>place:sc-0012</c> or <c>cuisine:川菜</c>).</summary>
public sealed record HabitIncrement(string Key, double Amount, DateTimeOffset At, HabitPlace? Place = null);
