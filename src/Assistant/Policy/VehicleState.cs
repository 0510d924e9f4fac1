using Car.Assistant.Policy.Safety;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>The vehicle as the policy reads it: a snapshot with the questions the rules ask of it, the safety-relevant ones answered from the plausibility-checked situation.</summary>
public sealed class VehicleState
{
    private readonly SafetyEnvelope _envelope;

    public VehicleState(VehicleSnapshot snapshot, SafetyEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Snapshot = snapshot;
        _envelope = envelope;
        Situation = envelope.Read(snapshot);
    }

    public VehicleSnapshot Snapshot { get; }

    /// <summary>Speed, gear and rain checked for plausibility: implausible or stale readings count as fast, not parked, in rain.</summary>
    public DrivingSituation Situation { get; }

    public double Speed => Situation.SpeedKmh;

    public bool IsParked => Situation.IsParked;

    public bool IsMoving => Situation.IsMoving;

    public bool IsHighSpeed => _envelope.IsHighSpeed(Situation);

    public bool IsRaining => Situation.Raining;

    public double OutsideTemperature => Snapshot.Number(VssPaths.OutsideTemperature);

    public double CabinTemperature => Snapshot.Number(VssPaths.CabinTemperature);

    public bool AirConditioningOn => Snapshot.Boolean(VssPaths.AirConditioning);

    public double Setpoint(string station) => Snapshot.Number(VssPaths.HvacTemperature(station));

    /// <summary>The fan level 1–7 that the driver's station's fan speed (percent) stands for.</summary>
    public int FanLevel => FanLevels.FromPercent(Snapshot.Number(VssPaths.HvacFanSpeed(VssPlaces.DriverStation)));

    public double WindowOpening(string place) => Snapshot.Number(VssPaths.WindowPosition(place));

    public double SeatHeatingCooling(string place) => Snapshot.Number(VssPaths.SeatHeatingCooling(place));
}
