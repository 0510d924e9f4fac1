namespace Car.VehicleBus.Can.Mapping;

/// <summary>A mapping file that cannot be read, or names signals, messages or values that do not exist.</summary>
public sealed class CanMappingException : Exception
{
    public CanMappingException()
    {
    }

    public CanMappingException(string message)
        : base(message)
    {
    }

    public CanMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
