namespace Car.VehicleBus.Signals;

/// <summary>
/// The places of a two-row car as VSS names them, the one spelling of them in Car. Doors, windows, seats and
/// lights are instantiated per side (<c>Row1.DriverSide</c>); HVAC stations per seat (<c>Row1.Driver</c>).
/// Row 1 is the front row.
/// </summary>
public static class VssPlaces
{
    public const string DriverSide = "Row1.DriverSide";
    public const string PassengerSide = "Row1.PassengerSide";
    public const string RearDriverSide = "Row2.DriverSide";
    public const string RearPassengerSide = "Row2.PassengerSide";

    public const string DriverStation = "Row1.Driver";
    public const string PassengerStation = "Row1.Passenger";
    public const string RearDriverStation = "Row2.Driver";
    public const string RearPassengerStation = "Row2.Passenger";

    /// <summary>The four door/seat places, front row first, driver's side first.</summary>
    public static readonly IReadOnlyList<string> All = [DriverSide, PassengerSide, RearDriverSide, RearPassengerSide];

    /// <summary>The four HVAC stations, front row first, driver first.</summary>
    public static readonly IReadOnlyList<string> HvacStations =
        [DriverStation, PassengerStation, RearDriverStation, RearPassengerStation];
}
