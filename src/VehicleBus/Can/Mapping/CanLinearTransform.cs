namespace Car.VehicleBus.Can.Mapping;

/// <summary><c>vss = dbc × Factor + Offset</c>, and the inverse for targets: a fan level 0–10 read as 0–100 %.</summary>
public sealed record CanLinearTransform(double Factor, double Offset = 0);
