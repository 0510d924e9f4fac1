namespace Car.VehicleBus.Signals;

/// <summary>
/// The VSS paths of the signals Car uses; their definitions are data in <c>models/vss</c>. Navigation destination,
/// active call contact and media mute are Car's overlay (<c>car-overlay.json</c>); the rest are VSS 4.2.
/// The places in per-seat paths come from <see cref="VssPlaces"/>.
/// </summary>
public static class VssPaths
{
    public const string Speed = "Vehicle.Speed";
    public const string SelectedGear = "Vehicle.Powertrain.Transmission.SelectedGear";
    public const string RainIntensity = "Vehicle.Body.Raindetection.Intensity";
    public const string OutsideTemperature = "Vehicle.Exterior.AirTemperature";
    public const string CabinTemperature = "Vehicle.Cabin.HVAC.AmbientAirTemperature";
    public const string FuelLevel = "Vehicle.Powertrain.FuelSystem.RelativeLevel";
    public const string BatteryLevel = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed";
    public const string Range = "Vehicle.Powertrain.Range";

    public const string SunroofPosition = "Vehicle.Cabin.Sunroof.Position";
    public const string SunshadePosition = "Vehicle.Cabin.Sunroof.Shade.Position";

    public const string AirConditioning = "Vehicle.Cabin.HVAC.IsAirConditioningActive";
    public const string Recirculation = "Vehicle.Cabin.HVAC.IsRecirculationActive";
    public const string FrontDefroster = "Vehicle.Cabin.HVAC.IsFrontDefrosterActive";
    public const string RearDefroster = "Vehicle.Cabin.HVAC.IsRearDefrosterActive";

    public const string AmbientLightOn = $"Vehicle.Cabin.Light.AmbientLight.{VssPlaces.DriverSide}.IsLightOn";

    /// <summary>The ambient light's colour as VSS writes it: <c>#RRGGBB</c>.</summary>
    public const string AmbientLightColor = $"Vehicle.Cabin.Light.AmbientLight.{VssPlaces.DriverSide}.Color";
    public const string WiperMode = "Vehicle.Body.Windshield.Front.Wiping.Mode";
    public const string TrunkOpen = "Vehicle.Body.Trunk.Rear.IsOpen";

    public const string MediaVolume = "Vehicle.Cabin.Infotainment.Media.Volume";
    public const string MediaAction = "Vehicle.Cabin.Infotainment.Media.Action";
    public const string MediaSelectedUri = "Vehicle.Cabin.Infotainment.Media.SelectedURI";
    public const string MediaMuted = "Vehicle.Cabin.Infotainment.Media.IsMuted";
    public const string ScreenBrightness = "Vehicle.Cabin.Infotainment.HMI.Brightness";

    public const string NavigationDestination = "Vehicle.Cabin.Infotainment.Navigation.DestinationName";
    public const string NavigationDestinationLatitude = "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude";
    public const string NavigationDestinationLongitude = "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude";

    public const string Latitude = "Vehicle.CurrentLocation.Latitude";
    public const string Longitude = "Vehicle.CurrentLocation.Longitude";
    public const string Heading = "Vehicle.CurrentLocation.Heading";
    public const string PhoneActiveCall = "Vehicle.Cabin.Infotainment.Phone.ActiveCallContact";

    public static string WindowPosition(string place) => $"Vehicle.Cabin.Door.{place}.Window.Position";

    public static string DoorLocked(string place) => $"Vehicle.Cabin.Door.{place}.IsLocked";

    public static string SeatHeatingCooling(string place) => $"Vehicle.Cabin.Seat.{place}.HeatingCooling";

    public static string ReadingLight(string place) => $"Vehicle.Cabin.Light.Spotlight.{place}.IsLightOn";

    public static string HvacTemperature(string station) => $"Vehicle.Cabin.HVAC.Station.{station}.Temperature";

    public static string HvacFanSpeed(string station) => $"Vehicle.Cabin.HVAC.Station.{station}.FanSpeed";
}
