using System.Globalization;
using Car.CloudSync.Recommendations;

namespace Car.Assistant.Policy;

/// <summary>Distances, durations, ages and congestion as the assistant says them (800米, 1.2公里, 约12分钟, 3分钟前).</summary>
public static class SpokenMeasures
{
    public static string Distance(double meters) => meters < 1000
        ? $"{Math.Round(meters / 10) * 10:0}米"
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(meters / 1000, 1):0.#}公里");

    public static string Duration(TimeSpan duration) => duration < TimeSpan.FromHours(1)
        ? $"约{Math.Max(1, (int)Math.Round(duration.TotalMinutes))}分钟"
        : $"约{(int)duration.TotalHours}小时{duration.Minutes}分钟";

    public static string Age(TimeSpan age) => age switch
    {
        _ when age < TimeSpan.FromMinutes(1) => "刚才",
        _ when age < TimeSpan.FromHours(1) => $"{(int)age.TotalMinutes}分钟前",
        _ when age < TimeSpan.FromDays(1) => $"{(int)age.TotalHours}小时前",
        _ => $"{(int)age.TotalDays}天前",
    };

    public static string Congestion(CongestionLevel level) => level switch
    {
        CongestionLevel.Free => "路况畅通",
        CongestionLevel.Slow => "部分路段缓行",
        CongestionLevel.Jammed => "路上拥堵",
        _ => string.Empty,
    };
}
