namespace Car.VehicleBus.Can;

/// <summary>Where <see cref="CanVehicleBus"/> reads and sends frames.</summary>
public enum CanTransportKind
{
    /// <summary>A SocketCAN interface (<see cref="CanOptions.Interface"/>).</summary>
    SocketCan,

    /// <summary>A candump log played back (<see cref="CanOptions.ReplayFile"/>); commands go nowhere.</summary>
    Replay,
}
