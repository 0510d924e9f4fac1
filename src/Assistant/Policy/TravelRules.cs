using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>
/// Navigation and phone calls go to the head unit's navigation and phone (Car's overlay signals). Place searches
/// and trip ideas are the recommender's (Dialogue/PlaceRecommendations).
/// </summary>
public sealed class TravelRules : IIntentRule
{
    private static readonly Dictionary<string, string> PreferenceNames = new(StringComparer.Ordinal)
    {
        [RoutePreferences.AvoidCongestion] = "避开拥堵", [RoutePreferences.Fastest] = "最快路线",
        [RoutePreferences.NoHighway] = "不走高速", [RoutePreferences.AvoidToll] = "避开收费",
    };

    public IReadOnlyCollection<string> Intents { get; } =
        [IntentNames.NavGo, IntentNames.NavCancel, IntentNames.NavResume, IntentNames.PhoneCall, IntentNames.PhoneHangUp];

    public IntentOutcome Decide(Intent intent, PolicyContext context) => intent.Name switch
    {
        IntentNames.NavGo => Navigate(intent.Text(SlotNames.Destination) ?? string.Empty, intent.Text(SlotNames.Preference), context),
        IntentNames.NavCancel => IntentOutcome.Do("已结束导航", PlannedAction.Text(VssPaths.NavigationDestination, string.Empty)),
        IntentNames.NavResume => context.LastDestination is { } destination
            ? Navigate(destination, null, context)
            : IntentOutcome.AskBack("要去哪里呢？"),
        IntentNames.PhoneCall when intent.Text(SlotNames.Contact) is { } contact && !(context.Contacts ?? PhoneBook.None).MayCall(contact) =>
            IntentOutcome.Refuse(intent.Name, $"通讯录里没有找到{contact}，没有拨打"),
        IntentNames.PhoneCall => IntentOutcome.Do($"正在呼叫{intent.Text(SlotNames.Contact)}",
            PlannedAction.Text(VssPaths.PhoneActiveCall, intent.Text(SlotNames.Contact) ?? string.Empty)),
        _ when context.Vehicle.Snapshot.Text(VssPaths.PhoneActiveCall).Length == 0 => IntentOutcome.Say("当前没有通话"),
        _ => IntentOutcome.Do("已挂断电话", PlannedAction.Text(VssPaths.PhoneActiveCall, string.Empty)),
    };

    private static IntentOutcome Navigate(string destination, string? preference, PolicyContext context)
    {
        var how = preference is not null && PreferenceNames.TryGetValue(preference, out var name) ? $"，{name}" : string.Empty;
        if (context.Routes?.GetValueOrDefault(destination) is not { Routes: [var route, ..] } plan)
        {
            return IntentOutcome.Do($"开始导航去{destination}{how}", PlannedAction.Text(VssPaths.NavigationDestination, destination));
        }

        // The cloud knows the place (回公司: the owner's office) and the way: the head unit gets the place and its coordinates.
        var place = plan.Destination;
        var called = place.Name == destination ? place.Name : $"{destination}（{place.Name}）";
        var traffic = SpokenMeasures.Congestion(route.Congestion);
        var reply = $"开始导航去{called}{how}，{SpokenMeasures.Distance(route.DistanceMeters)}，{SpokenMeasures.Duration(route.Duration)}"
            + (route.Summary.Length > 0 ? $"，{route.Summary}" : string.Empty) + (traffic.Length > 0 ? $"，{traffic}" : string.Empty);
        return IntentOutcome.Do(
            reply,
            PlannedAction.Text(VssPaths.NavigationDestination, place.Name),
            PlannedAction.Number(VssPaths.NavigationDestinationLatitude, place.Position.Latitude),
            PlannedAction.Number(VssPaths.NavigationDestinationLongitude, place.Position.Longitude));
    }
}
