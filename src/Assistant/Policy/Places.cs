using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>The contract's positions and zones mapped to VSS places (<see cref="VssPlaces"/>), and their names in replies.</summary>
public static class Places
{
    public static IReadOnlyList<string> ForPosition(string? position, IReadOnlyList<string> whenUnsaid) => position switch
    {
        null => whenUnsaid,
        "driver" => [VssPlaces.DriverSide],
        "passenger" => [VssPlaces.PassengerSide],
        "rear_left" => [VssPlaces.RearDriverSide],
        "rear_right" => [VssPlaces.RearPassengerSide],
        "front" => [VssPlaces.DriverSide, VssPlaces.PassengerSide],
        "rear" => [VssPlaces.RearDriverSide, VssPlaces.RearPassengerSide],
        _ => VssPlaces.All,
    };

    public static IReadOnlyList<string> StationsForZone(string? zone) => zone switch
    {
        "driver" => [VssPlaces.DriverStation],
        "passenger" => [VssPlaces.PassengerStation],
        "rear" => [VssPlaces.RearDriverStation, VssPlaces.RearPassengerStation],
        _ => VssPlaces.HvacStations,
    };

    public static string Name(string? position) => position switch
    {
        "driver" => "主驾",
        "passenger" => "副驾",
        "rear_left" => "左后",
        "rear_right" => "右后",
        "front" => "前排",
        "rear" => "后排",
        "all" => "所有",
        _ => string.Empty,
    };

    public static string ZoneName(string? zone) => zone switch
    {
        "driver" => "主驾",
        "passenger" => "副驾",
        "rear" => "后排",
        _ => string.Empty,
    };
}
