using System.Globalization;
using Car.Language;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>Answers questions about the car from its current state; changes nothing.</summary>
public sealed class StatusRules : IIntentRule
{
    public IReadOnlyCollection<string> Intents { get; } = [IntentNames.StatusQuery];

    public IntentOutcome Decide(Intent intent, PolicyContext context)
    {
        var vehicle = context.Vehicle;
        var snapshot = vehicle.Snapshot;
        return IntentOutcome.Say(intent.Text(SlotNames.Subject) switch
        {
            StatusSubjects.CabinTemperature => $"车内现在 {Format(vehicle.CabinTemperature)} 度",
            StatusSubjects.OutsideTemperature => $"车外现在 {Format(vehicle.OutsideTemperature)} 度",
            StatusSubjects.Fuel => $"油量还剩 {Format(snapshot.Number(VssPaths.FuelLevel))}%",
            StatusSubjects.Battery => $"电量还剩 {Format(snapshot.Number(VssPaths.BatteryLevel))}%",
            StatusSubjects.Range => $"还能行驶约 {Format(Math.Round(snapshot.Number(VssPaths.Range) / 1000))} 公里",
            StatusSubjects.Speed => $"当前车速 {Format(vehicle.Speed)} 公里每小时",
            StatusSubjects.Window => Windows(vehicle),
            _ => "这个我还查不到",
        });
    }

    private static string Windows(VehicleState vehicle)
    {
        var open = new[] { ("主驾", VssPlaces.DriverSide), ("副驾", VssPlaces.PassengerSide), ("左后", VssPlaces.RearDriverSide), ("右后", VssPlaces.RearPassengerSide) }
            .Where(p => vehicle.WindowOpening(p.Item2) > 0)
            .Select(p => $"{p.Item1}车窗开着 {Format(vehicle.WindowOpening(p.Item2))}%")
            .ToList();
        // VSS: 0 closed, above 0 slid open, below 0 tilted; open either way.
        var sunroof = vehicle.Snapshot.Number(VssPaths.SunroofPosition) != 0 ? "，天窗开着" : string.Empty;
        return open.Count == 0 ? $"车窗都关好了{sunroof}" : string.Join("，", open) + sunroof;
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
