namespace Car.VehicleBus.Can.Dbc;

/// <summary>A DBC file that does not parse, or describes a signal that cannot lie in its message; the message names the line.</summary>
public sealed class DbcFormatException : Exception
{
    public DbcFormatException(string message, int line)
        : base($"line {line}: {message}")
    {
        Line = line;
    }

    public DbcFormatException()
    {
    }

    public DbcFormatException(string message)
        : base(message)
    {
    }

    public DbcFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based line the problem is on, or 0 when it is not tied to one.</summary>
    public int Line { get; }
}
