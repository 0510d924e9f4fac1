using Car.VehicleBus.Signals;

namespace Car.Assistant.Dashboard;

/// <summary>The VSS signals the dashboard's cabin shows (<c>GET /api/state</c>), those the car's catalog has.</summary>
public static class CabinSignals
{
    public static IReadOnlyList<string> Paths { get; } =
    [
        VssPaths.Speed, VssPaths.SelectedGear, VssPaths.RainIntensity, VssPaths.OutsideTemperature, VssPaths.CabinTemperature,
        .. VssPlaces.All.Select(VssPaths.WindowPosition),
        VssPaths.SunroofPosition, VssPaths.SunshadePosition,
        VssPaths.AirConditioning, VssPaths.Recirculation, VssPaths.FrontDefroster, VssPaths.RearDefroster,
        .. VssPlaces.HvacStations.Select(VssPaths.HvacTemperature),
        .. VssPlaces.HvacStations.Select(VssPaths.HvacFanSpeed),
        .. VssPlaces.All.Select(VssPaths.SeatHeatingCooling),
        .. VssPlaces.All.Select(VssPaths.ReadingLight),
        .. VssPlaces.All.Select(VssPaths.DoorLocked),
        VssPaths.AmbientLightOn, VssPaths.AmbientLightColor, VssPaths.WiperMode, VssPaths.TrunkOpen,
        VssPaths.MediaAction, VssPaths.MediaVolume, VssPaths.MediaSelectedUri, VssPaths.MediaMuted, VssPaths.ScreenBrightness,
        VssPaths.NavigationDestination, VssPaths.PhoneActiveCall,
    ];
}
