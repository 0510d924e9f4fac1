using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>The contract's positions and zones mapped to VSS places (<see cref="VssPlaces"/>), and their names in replies.</summary>
public static class Places
{
    public static IReadOnlyList<string> ForPosition(string? position, IReadOnlyList<string> whenUnsaid) => position switch
    {
        null => whenUnsaid,
        Positions.Driver => [VssPlaces.DriverSide],
        Positions.Passenger => [VssPlaces.PassengerSide],
        Positions.RearLeft => [VssPlaces.RearDriverSide],
        Positions.RearRight => [VssPlaces.RearPassengerSide],
        Positions.Front => [VssPlaces.DriverSide, VssPlaces.PassengerSide],
        Positions.Rear => [VssPlaces.RearDriverSide, VssPlaces.RearPassengerSide],
        _ => VssPlaces.All,
    };

    public static IReadOnlyList<string> StationsForZone(string? zone) => zone switch
    {
        Zones.Driver => [VssPlaces.DriverStation],
        Zones.Passenger => [VssPlaces.PassengerStation],
        Zones.Rear => [VssPlaces.RearDriverStation, VssPlaces.RearPassengerStation],
        _ => VssPlaces.HvacStations,
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
