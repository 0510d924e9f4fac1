using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>Positions and zones of the contract mapped to VSS places, and their names in replies.</summary>
public static class Places
{
    public const string Driver = "Row1.DriverSide";
    public const string Passenger = "Row1.PassengerSide";
    public const string RearLeft = "Row2.DriverSide";
    public const string RearRight = "Row2.PassengerSide";

    public static IReadOnlyList<string> ForPosition(string? position, IReadOnlyList<string> whenUnsaid) => position switch
    {
        null => whenUnsaid,
        Positions.Driver => [Driver],
        Positions.Passenger => [Passenger],
        Positions.RearLeft => [RearLeft],
        Positions.RearRight => [RearRight],
        Positions.Front => [Driver, Passenger],
        Positions.Rear => [RearLeft, RearRight],
        _ => VssPaths.Places,
    };

    public static IReadOnlyList<string> StationsForZone(string? zone) => zone switch
    {
        Zones.Driver => ["Row1.Driver"],
        Zones.Passenger => ["Row1.Passenger"],
        Zones.Rear => ["Row2.Driver", "Row2.Passenger"],
        _ => VssPaths.HvacStations,
    };

    public static string Name(string? position) => position switch
    {
        Positions.Driver => "主驾",
        Positions.Passenger => "副驾",
        Positions.RearLeft => "左后",
        Positions.RearRight => "右后",
        Positions.Front => "前排",
        Positions.Rear => "后排",
        Positions.All => "所有",
        _ => string.Empty,
    };

    public static string ZoneName(string? zone) => zone switch
    {
        Zones.Driver => "主驾",
        Zones.Passenger => "副驾",
        Zones.Rear => "后排",
        _ => string.Empty,
    };
}
