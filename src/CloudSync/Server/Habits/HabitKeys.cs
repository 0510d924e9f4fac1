using System.Globalization;

namespace Car.CloudSync.Server.Habits;

/// <summary>The names of habit counters, one vocabulary for the learner and the profile.</summary>
internal static class HabitKeys
{
    public const string Work = "公司";
    public const string Home = "家";

    public static string Place(string placeId) => "place:" + placeId;

    public static string Slot(string placeId, bool weekend, int hour) =>
        string.Create(CultureInfo.InvariantCulture, $"slot:{(weekend ? "we" : "wd")}:{hour:D2}:{placeId}");

    public static string Cuisine(string cuisine) => "cuisine:" + cuisine;

    public static string Price(int level) => string.Create(CultureInfo.InvariantCulture, $"price:{level}");

    public static string Label(string label) => "label:" + label;

    public static string Commute(string placeId) => "commute:" + placeId;

    public static string Evening(string placeId) => "evening:" + placeId;

    /// <summary>公司 and 家 under the names drivers use for them.</summary>
    public static string CanonicalLabel(string label) => label switch
    {
        "公司" or "单位" or "办公室" or "上班的地方" or "去公司" or "回公司" => Work,
        "家" or "家里" or "回家" or "我家" or "住的地方" => Home,
        _ => label,
    };
}
