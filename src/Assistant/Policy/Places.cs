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
        "driver" => [Driver],
        "passenger" => [Passenger],
        "rear_left" => [RearLeft],
        "rear_right" => [RearRight],
        "front" => [Driver, Passenger],
        "rear" => [RearLeft, RearRight],
        _ => VssPaths.Places,
    };

    public static IReadOnlyList<string> StationsForZone(string? zone) => zone switch
    {
        "driver" => ["Row1.Driver"],
        "passenger" => ["Row1.Passenger"],
        "rear" => ["Row2.Driver", "Row2.Passenger"],
        _ => VssPaths.HvacStations,
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
