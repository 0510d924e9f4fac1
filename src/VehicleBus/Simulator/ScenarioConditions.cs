using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Simulator;

/// <summary>The sensor values each <see cref="DrivingScenario"/> stands for.</summary>
internal static class ScenarioConditions
{
    public static IReadOnlyList<(string Path, SignalValue Value)> For(DrivingScenario scenario) => scenario switch
    {
        DrivingScenario.Parked => Conditions(speed: 0, gear: VssGears.Park, rain: 0, outside: 20),
        DrivingScenario.City => Conditions(speed: 40, gear: VssGears.Drive, rain: 0, outside: 26),
        DrivingScenario.Highway => Conditions(speed: 110, gear: VssGears.Drive, rain: 0, outside: 26),
        DrivingScenario.Rain => Conditions(speed: 50, gear: VssGears.Drive, rain: 60, outside: 15),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown driving scenario."),
    };

    private static (string, SignalValue)[] Conditions(double speed, int gear, int rain, double outside) =>
    [
        (VssPaths.Speed, SignalValue.FromNumber(speed)),
        (VssPaths.SelectedGear, SignalValue.FromNumber(gear)),
        (VssPaths.RainIntensity, SignalValue.FromNumber(rain)),
        (VssPaths.OutsideTemperature, SignalValue.FromNumber(outside)),
    ];
}
