namespace Car.Language;

/// <summary>
/// The intent names of the contract, mirroring models/nlu/schema.json: code names an intent through these,
/// never as a string literal. A test keeps them and the schema in step both ways.
/// </summary>
public static class IntentNames
{
    public const string WindowOpen = "window.open";
    public const string WindowClose = "window.close";

    public const string SunroofOpen = "sunroof.open";
    public const string SunroofClose = "sunroof.close";

    public const string SunshadeOpen = "sunshade.open";
    public const string SunshadeClose = "sunshade.close";

    public const string ClimateOn = "climate.on";
    public const string ClimateOff = "climate.off";
    public const string ClimateSetTemperature = "climate.set_temperature";
    public const string ClimateAdjustTemperature = "climate.adjust_temperature";
    public const string ClimateSetFan = "climate.set_fan";
    public const string ClimateAdjustFan = "climate.adjust_fan";
    public const string ClimateRecirculation = "climate.recirculation";
    public const string ClimateDefrost = "climate.defrost";

    public const string SeatHeat = "seat.heat";
    public const string SeatVentilate = "seat.ventilate";

    public const string LightReading = "light.reading";
    public const string LightAmbient = "light.ambient";

    public const string WiperSet = "wiper.set";

    public const string DoorLock = "door.lock";
    public const string DoorUnlock = "door.unlock";

    public const string TrunkOpen = "trunk.open";
    public const string TrunkClose = "trunk.close";

    public const string MediaSetVolume = "media.set_volume";
    public const string MediaAdjustVolume = "media.adjust_volume";
    public const string MediaMute = "media.mute";
    public const string MediaUnmute = "media.unmute";
    public const string MediaPlay = "media.play";
    public const string MediaPause = "media.pause";
    public const string MediaNext = "media.next";
    public const string MediaPrevious = "media.previous";

    public const string NavGo = "nav.go";
    public const string NavCancel = "nav.cancel";
    public const string NavResume = "nav.resume";

    public const string PhoneCall = "phone.call";
    public const string PhoneHangUp = "phone.hang_up";

    public const string ScreenSetBrightness = "screen.set_brightness";
    public const string ScreenAdjustBrightness = "screen.adjust_brightness";

    public const string StatusQuery = "status.query";

    public const string PoiSearch = "poi.search";

    public const string TripRecommend = "trip.recommend";

    public const string ComfortStuffy = "comfort.stuffy";
    public const string ComfortHot = "comfort.hot";
    public const string ComfortCold = "comfort.cold";
    public const string ComfortTired = "comfort.tired";
    public const string ComfortGlare = "comfort.glare";

    public const string AssistantCancel = "assistant.cancel";
}
