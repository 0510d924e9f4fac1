using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>An action as it went: its target, what became of it, and why when it did not go through.</summary>
public sealed record ActionResult(string Signal, SignalValue Value, ActionStatus Status, string? Error = null)
{
    public bool Confirmed => Status == ActionStatus.Confirmed;
}
