namespace Car.VehicleBus.Signals;

/// <summary>
/// Values of <see cref="VssPaths.SelectedGear"/> besides the numbered gears (0 neutral, 1, 2 … forward, -1, -2 …
/// reverse), as VSS 4.x encodes them.
/// </summary>
public static class VssGears
{
    public const int Park = 126;
    public const int Drive = 127;
}
