namespace Car.Assistant.Scenarios;

/// <summary>
/// An integrator's regression test: a named list of steps run on a fresh simulated car, with the settings the car
/// starts with (<c>Simulator:WindowTravelTime</c>…) and the driving situation (parked, city, highway, rain).
/// </summary>
public sealed record ScenarioScript(
    string Name, string File, IReadOnlyDictionary<string, string?> Settings, IReadOnlyList<ScenarioStep> Steps);
