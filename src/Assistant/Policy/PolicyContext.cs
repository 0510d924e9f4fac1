namespace Car.Assistant.Policy;

/// <summary>What a rule may consult: the vehicle, the thresholds, and whether the driver says a need persists,
/// and the last destination of this session (for 继续导航).</summary>
public sealed record PolicyContext(VehicleState Vehicle, PolicyOptions Options, bool NeedPersists, string? LastDestination = null);
