namespace Car.VehicleBus.Can.Mapping;

/// <summary>
/// One DBC signal bound to a VSS signal, and how values cross: either a value map (<see cref="Values"/>) or a linear
/// transform of the DBC physical value (<c>vss = dbc × Factor + Offset</c>); with neither, the value passes as it is
/// (booleans as 1 and 0).
/// </summary>
public sealed record CanSignalBinding(
    string Message,
    string Signal,
    CanLinearTransform? Linear = null,
    IReadOnlyList<CanValuePair>? Values = null);
