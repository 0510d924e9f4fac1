namespace Car.VehicleBus.Can.Mapping;

/// <summary>Which DBC signals carry which VSS signals: read from a mapping file by <see cref="CanMappingLoader"/>.</summary>
/// <param name="DbcFile">The DBC file the mapping names, as written in the file (relative to the mapping file).</param>
/// <param name="Signals">One entry per VSS path.</param>
public sealed record CanMapping(string DbcFile, IReadOnlyList<CanSignalMapping> Signals);
