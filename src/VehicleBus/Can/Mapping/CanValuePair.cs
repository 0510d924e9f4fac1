using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Can.Mapping;

/// <summary>One entry of a value map: a VSS value and the DBC value it stands for.</summary>
/// <param name="Vss">The VSS value (<c>true</c>, <c>"SLOW"</c>, 3).</param>
/// <param name="Dbc">A value description of the DBC signal (<c>VAL_</c>, e.g. <c>Locked</c>) or a raw value as a whole number (<c>2</c>).</param>
public sealed record CanValuePair(SignalValue Vss, string Dbc);
