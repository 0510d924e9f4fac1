using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Tests;

/// <summary>The bundled VSS catalog (models/vss, copied beside the tests), loaded once for the whole assembly.</summary>
internal static class TestCatalog
{
    public static SignalCatalog Bundled { get; } = SignalCatalogLoader.Load(new SignalCatalogOptions());
}
