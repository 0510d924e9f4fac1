using System.Globalization;
using System.Text.RegularExpressions;
using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>CATSLU map-domain labels in our contract; docs/evaluation.md explains each choice.</summary>
internal static partial class CatsluMapping
{
    private const string Operation = "操作";
    private const string Target = "对象";
    private const string Nearby = "请求类型";
    private const string Preference = "路线偏好";

    private static readonly string[] DestinationSlots = ["终点修饰", "终点名称", "终点目标"];
    private static readonly string[] PlaceSlots = ["poi修饰", "poi名称", "poi目标"];
    private static readonly string[] ContextSlots = ["序列号", "页码", "value"];

    private static readonly HashSet<string> CancelOperations =
        ["取消", "关闭", "退出", "闭", "结束", "停止", "关", "停", "关掉", "关了", "退掉", "撤"];

    private static readonly HashSet<string> ResumeOperations =
        ["开始导航", "导航开始", "继续导航", "恢复导航", "恢复", "保持导航", "重新导航"];

    private static readonly HashSet<string> OpenOperations = ["打开", "开", "开启", "导航", "导"];

    private static readonly HashSet<string> SearchOperations = ["找", "搜索", "搜", "查找", "寻找", "查", "显示", "看", "重新搜索"];

    /// <summary>对象 values that mean the route itself (取消导航), not the map app or a layer (关闭路况).</summary>
    private static readonly HashSet<string> RouteTargets = ["导航", "简易导航", "全程路线", "目的地"];

    private static readonly Dictionary<string, string> Preferences = new(StringComparer.Ordinal)
    {
        ["不走高速"] = RoutePreferences.NoHighway,
        ["少走高速"] = RoutePreferences.NoHighway,
        ["最快"] = RoutePreferences.Fastest,
    };

    private static readonly (string Word, string Category)[] CategoryWords =
    [
        ("加油", PlaceCategories.GasStation), ("充电", PlaceCategories.ChargingStation), ("停车", PlaceCategories.Parking),
        ("厕所", PlaceCategories.Restroom), ("卫生间", PlaceCategories.Restroom), ("洗手间", PlaceCategories.Restroom),
        ("咖啡", PlaceCategories.Coffee), ("酒店", PlaceCategories.Hotel), ("宾馆", PlaceCategories.Hotel),
        ("旅馆", PlaceCategories.Hotel), ("住宿", PlaceCategories.Hotel), ("景区", PlaceCategories.Scenic),
        ("景点", PlaceCategories.Scenic), ("好玩", PlaceCategories.Scenic), ("好吃", PlaceCategories.Food),
        ("餐厅", PlaceCategories.Food), ("饭店", PlaceCategories.Food), ("饭馆", PlaceCategories.Food), ("美食", PlaceCategories.Food),
    ];

    /// <summary>The transcript the parser hears: the recogniser's best guess, or the manual one without its (side)/(unknown) marks.</summary>
    public static string Text(CatsluTurn turn, bool manual)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return manual ? Clean(turn.Manual) : turn.Asr.Trim();
    }

    public static LabeledUtterance Map(CatsluTurn turn, bool manual)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var domain = turn.Semantic.Count == 0 ? EvaluationDomains.Others : EvaluationDomains.Map;
        return new LabeledUtterance(
            Text(turn, manual), domain, Expect(turn), $"dialogue {turn.Dialogue} turn {turn.Turn}", turn.Dialogue.ToString(CultureInfo.InvariantCulture));
    }

    private static Expectation Expect(CatsluTurn turn)
    {
        if (turn.Semantic.Count == 0)
        {
            return CorpusScope.NothingOf(CorpusScope.CatsluMap);
        }

        if (turn.Semantic.Any(s => s.Act != "inform"))
        {
            return Expectation.Contextual("corrects the previous turn (deny)");
        }

        if (ContextSlots.Any(turn.Has))
        {
            return Expectation.Contextual("picks from a list or answers a question");
        }

        var destination = DestinationSlots.Any(turn.Has);
        var place = PlaceSlots.Any(turn.Has);
        if (!destination && !place && (turn.Has(Preference) || turn.Has("途经点名称")))
        {
            return Expectation.Contextual("changes the current route");
        }

        var operations = turn.Values(Operation).ToList();
        var targets = turn.Values(Target).ToList();
        var nearby = turn.Has(Nearby);
        var search = operations.Any(SearchOperations.Contains);
        if (destination || place)
        {
            return Place(turn, operations, destination ? DestinationSlots : PlaceSlots, nearby || (!destination && search));
        }

        if (nearby)
        {
            return Expectation.Inexpressible();
        }

        if (targets.Any(t => !RouteTargets.Contains(t)))
        {
            // 关闭地图 closes the map: ending the route is no wrong action; 打开路况 and the like are not ours.
            return operations.Any(CancelOperations.Contains) ? Expectation.Inexpressible(IntentNames.NavCancel) : Expectation.Inexpressible();
        }

        if (operations.Count > 0 && operations.All(CancelOperations.Contains))
        {
            return Expectation.Exactly(new Intent(IntentNames.NavCancel));
        }

        if (operations.Any(ResumeOperations.Contains) && operations.All(o => ResumeOperations.Contains(o) || OpenOperations.Contains(o)))
        {
            return Expectation.Exactly(new Intent(IntentNames.NavResume));
        }

        return operations.Count > 0 && operations.All(OpenOperations.Contains)
            ? Expectation.Inexpressible(IntentNames.NavResume)
            : Expectation.Inexpressible();
    }

    private static Expectation Place(CatsluTurn turn, List<string> operations, string[] slots, bool isSearch)
    {
        var name = Span(Clean(turn.Manual), [.. turn.Semantic.Where(s => slots.Contains(s.Slot)).Select(s => s.Value)]);
        if (isSearch)
        {
            return Category(name) is { } category
                ? Expectation.Exactly(new Intent(IntentNames.PoiSearch).With(SlotNames.Category, SlotValue.Of(category))).Tolerating(IntentNames.NavGo)
                : Expectation.Inexpressible(IntentNames.NavGo);
        }

        var unknownOperation = operations.Any(o => !OpenOperations.Contains(o) && !ResumeOperations.Contains(o));
        var preferences = turn.Values(Preference).ToList();
        if (unknownOperation || turn.Has("起点名称") || turn.Has("途经点名称") || preferences.Count > 1
            || preferences.Any(p => !Preferences.ContainsKey(p)) || turn.Values(Target).Any(t => !RouteTargets.Contains(t)))
        {
            return Expectation.Inexpressible(IntentNames.NavGo);
        }

        var go = new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of(name));
        return Expectation.Exactly(preferences.Count == 1 ? go.With(SlotNames.Preference, SlotValue.Of(Preferences[preferences[0]])) : go);
    }

    /// <summary>
    /// The place as said: one part as labelled; several (保定 + 白石山景区) as the stretch of the manual transcript
    /// from the first to the last, or joined when they are not all found in it.
    /// </summary>
    private static string Span(string manual, IReadOnlyList<string> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var starts = parts.Select(p => manual.IndexOf(p, StringComparison.Ordinal)).ToList();
        if (starts.Any(s => s < 0))
        {
            return string.Concat(parts);
        }

        var start = starts.Min();
        var end = parts.Select((p, i) => starts[i] + p.Length).Max();
        return manual[start..end];
    }

    private static string? Category(string name) =>
        CategoryWords.FirstOrDefault(c => name.Contains(c.Word, StringComparison.Ordinal)).Category;

    private static string Clean(string manual) => Marks().Replace(manual, string.Empty).Trim();

    [GeneratedRegex("\\([a-z]+\\)")]
    private static partial Regex Marks();
}
