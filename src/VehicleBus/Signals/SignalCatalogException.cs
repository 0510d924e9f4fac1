namespace Car.VehicleBus.Signals;

/// <summary>
/// A VSS catalog file that Car cannot use: missing, not JSON, or a node that does not describe a usable signal.
/// The message names the file and, where one is at fault, the VSS path.
/// </summary>
public sealed class SignalCatalogException : Exception
{
    public SignalCatalogException(string file, string? path, string problem, Exception? innerException = null)
        : base(path is null ? $"The VSS catalog '{file}' is unusable: {problem}" : $"The VSS catalog '{file}' is unusable: {path} {problem}", innerException)
    {
        File = file;
        Path = path;
    }

    public SignalCatalogException()
    {
        File = string.Empty;
    }

    public SignalCatalogException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public SignalCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    /// <summary>The catalog file at fault.</summary>
    public string File { get; }

    /// <summary>The VSS path of the node at fault, or null when the file as a whole is.</summary>
    public string? Path { get; }
}
