using Car.VehicleBus.Signals;

namespace Car.Assistant.Scenarios;

/// <summary><c>{"set": "Vehicle.Speed", "to": 100}</c>: a sensor takes this value (speed, rain, outside temperature), or an actuator is moved there.</summary>
public sealed record SetStep(int Number, string Signal, SignalValue Value) : ScenarioStep(Number)
{
    public override string Describe() => $"set {Signal} = {Value}";
}
