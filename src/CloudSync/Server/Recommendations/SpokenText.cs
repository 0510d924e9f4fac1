using System.Globalization;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>Numbers as a driver hears them: 800米, 1.2公里, 评分4.6.</summary>
internal static class SpokenText
{
    public static string Distance(double meters) => meters < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(10, Math.Round(meters / 10) * 10):0}米")
        : string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.#}公里");

    public static string Rating(double rating) => string.Create(CultureInfo.InvariantCulture, $"评分{rating:0.0}");

    public static string KindOf(string category, string cuisine) => category switch
    {
        "food" when !string.IsNullOrEmpty(cuisine) => cuisine.EndsWith('菜') ? cuisine + "馆" : cuisine + "店",
        "food" => "餐厅",
        "gas_station" => "加油站",
        "charging_station" => "充电站",
        "parking" => "停车场",
        "restroom" => "卫生间",
        "coffee" => "咖啡馆",
        "hotel" => "酒店",
        "scenic" => "景点",
        _ => "地方",
    };
}
