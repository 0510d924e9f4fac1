using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Dbc;

namespace Car.VehicleBus.Tests.Can;

/// <summary>The sample body and climate network in models/can (copied beside the tests), read once.</summary>
internal static class SampleNetwork
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "models", "can");

    public static string DbcFile { get; } = Path.Combine(Directory, "car-body-climate.dbc");

    public static string MappingFile { get; } = Path.Combine(Directory, "car-body-climate.mapping.json");

    public static DbcDatabase Dbc { get; } = DbcParser.Load(DbcFile);

    public static CanTranslator Translator { get; } = CanTranslator.Load(MappingFile, TestCatalog.Bundled);
}
