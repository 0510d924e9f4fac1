using System.Globalization;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Scenarios;

/// <summary>
/// <c>{"expect": "Vehicle.Cabin.HVAC.IsRecirculationActive", "equals": true}</c>, or with <c>below</c> / <c>above</c> a
/// number: the signal's current value, read when the step runs.
/// </summary>
public sealed record SignalExpectation(int Number, string Signal, string Comparison, SignalValue Expected) : ScenarioStep(Number)
{
    public const string EqualTo = "equals";
    public const string Below = "below";
    public const string Above = "above";

    public override string Describe() => $"expect {Signal} {Comparison} {Expected}";

    /// <summary>Null when the value meets the expectation, else what was seen.</summary>
    public string? Check(SignalValue actual) => Comparison switch
    {
        EqualTo when actual == Expected => null,
        Below when actual.Kind == SignalValueKind.Number && actual.AsNumber() < Expected.AsNumber() => null,
        Above when actual.Kind == SignalValueKind.Number && actual.AsNumber() > Expected.AsNumber() => null,
        _ => string.Create(CultureInfo.InvariantCulture, $"{Signal} is {actual}"),
    };
}
