namespace Car.CloudSync.Server.Recommendations;

/// <summary>The driver's words read as a category, a cuisine and what is left to match against names.</summary>
internal sealed record PlaceWords(string? Category, string? Cuisine, string? NameText)
{
    private static readonly (string Word, string Category)[] CategoryWords =
    [
        ("饿", "food"), ("吃", "food"), ("饭", "food"), ("餐", "food"), ("美食", "food"), ("馆子", "food"), ("夜宵", "food"),
        ("加油", "gas_station"), ("油站", "gas_station"), ("充电", "charging_station"), ("停车", "parking"), ("车位", "parking"),
        ("厕所", "restroom"), ("卫生间", "restroom"), ("洗手间", "restroom"), ("咖啡", "coffee"), ("酒店", "hotel"),
        ("宾馆", "hotel"), ("住宿", "hotel"), ("景点", "scenic"), ("好玩", "scenic"), ("风景", "scenic"),
    ];

    private static readonly (string Word, string Cuisine)[] CuisineWords =
    [
        ("川菜", "川菜"), ("四川", "川菜"), ("麻辣", "川菜"), ("粤菜", "粤菜"), ("广东", "粤菜"), ("早茶", "粤菜"), ("茶餐厅", "粤菜"),
        ("火锅", "火锅"), ("涮", "火锅"), ("面", "面馆"), ("快餐", "快餐"), ("简餐", "快餐"), ("日料", "日料"), ("日本", "日料"),
        ("寿司", "日料"), ("西餐", "西餐"), ("牛排", "西餐"), ("本帮", "本帮菜"), ("杭帮", "杭帮菜"),
    ];

    private static readonly string[] Filler =
    [
        "我饿了", "饿了", "好吃的", "吃的", "附近的", "附近", "找个", "找一家", "找家", "找", "一家", "一个", "想吃", "去吃", "帮我", "我想", "我要", "推荐", "有没有", "哪里有", "的",
    ];

    public static PlaceWords Read(string category, string words)
    {
        var text = (words ?? "").Trim();
        string? cuisine = null;
        foreach (var (word, value) in CuisineWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                cuisine = value;
                break;
            }
        }

        var resolvedCategory = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (resolvedCategory is null)
        {
            resolvedCategory = cuisine is not null ? "food" : CategoryWords.FirstOrDefault(c => text.Contains(c.Word, StringComparison.Ordinal)).Category;
        }

        var rest = text;
        foreach (var filler in Filler)
        {
            rest = rest.Replace(filler, "", StringComparison.Ordinal);
        }

        rest = rest.Trim();
        var isOnlyKind = rest.Length == 0
            || CategoryWords.Any(c => rest == c.Word || rest.Contains(c.Word, StringComparison.Ordinal))
            || CuisineWords.Any(c => rest == c.Word || rest == c.Cuisine);
        return new PlaceWords(resolvedCategory, cuisine, isOnlyKind ? null : rest);
    }
}
