namespace Car.Assistant.Hosting;

/// <summary>A setting that cannot be used: its message names the key, the value, where it came from and what is allowed.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException()
    {
    }

    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
