namespace Car.VehicleBus.Signals;

/// <summary>A request the bus rejected; the vehicle's state is unchanged.</summary>
public sealed class VehicleBusException : Exception
{
    public VehicleBusException(VehicleBusError error, string signal, string message)
        : base(message)
    {
        Error = error;
        Signal = signal;
    }

    public VehicleBusException()
    {
        Signal = string.Empty;
    }

    public VehicleBusException(string message)
        : base(message)
    {
        Signal = string.Empty;
    }

    public VehicleBusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Signal = string.Empty;
    }

    public VehicleBusError Error { get; }

    public string Signal { get; }
}
