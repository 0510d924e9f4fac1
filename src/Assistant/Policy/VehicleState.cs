using Car.VehicleBus.Signals;

namespace Car.Assistant.Policy;

/// <summary>The vehicle as the policy reads it: a snapshot with the questions the rules ask of it.</summary>
public sealed class VehicleState
{
    private readonly PolicyOptions _options;

    public VehicleState(VehicleSnapshot snapshot, PolicyOptions options)
    {
        Snapshot = snapshot;
        _options = options;
    }

    public VehicleSnapshot Snapshot { get; }

    public double Speed => Snapshot.Number(VssPaths.Speed);

    public bool IsParked => Speed < 1 && (int)Snapshot.Number(VssPaths.SelectedGear) == VssGears.Park;

    public bool IsMoving => Speed >= 1;

    public bool IsHighSpeed => Speed >= _options.HighSpeedKmh;

    public bool IsRaining => Snapshot.Number(VssPaths.RainIntensity) >= _options.RainThreshold;

    public double OutsideTemperature => Snapshot.Number(VssPaths.OutsideTemperature);

    public double CabinTemperature => Snapshot.Number(VssPaths.CabinTemperature);

    public bool AirConditioningOn => Snapshot.Boolean(VssPaths.AirConditioning);

    public double Setpoint(string station) => Snapshot.Number(VssPaths.HvacTemperature(station));

    /// <summary>The fan level 1–7 that the driver's station's fan speed (percent) stands for.</summary>
    public int FanLevel => FanLevels.FromPercent(Snapshot.Number(VssPaths.HvacFanSpeed(VssPlaces.DriverStation)));

    public double WindowOpening(string place) => Snapshot.Number(VssPaths.WindowPosition(place));

    public double SeatHeatingCooling(string place) => Snapshot.Number(VssPaths.SeatHeatingCooling(place));
}
