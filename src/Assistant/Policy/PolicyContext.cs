using Car.CloudSync.Recommendations;

namespace Car.Assistant.Policy;

/// <summary>
/// What a rule may consult: the vehicle, the thresholds, whether the driver says a need persists, the last
/// destination of this session (for 继续导航), and whether the driver has just confirmed this request (确定), so a
/// rule does not ask the same question again; every other check still applies. <paramref name="Routes"/> holds the
/// cloud's plan for a nav.go destination, by the driver's words, when the cloud answered in time.
/// <paramref name="Contacts"/> is whom the car may call (<see cref="PhoneBook.None"/>: no book known, anyone).
/// </summary>
public sealed record PolicyContext(
    VehicleState Vehicle, PolicyOptions Options, bool NeedPersists, string? LastDestination = null, bool Confirmed = false,
    IReadOnlyDictionary<string, RoutePlan>? Routes = null, PhoneBook? Contacts = null);
